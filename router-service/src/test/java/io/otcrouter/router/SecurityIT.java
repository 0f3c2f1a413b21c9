package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import tools.jackson.databind.JsonNode;

/**
 * The router's trust boundary attacked over real HTTP, on a real broker and PostgreSQL: every protected route in odd
 * spellings, every credential missing, wrong, out of scope and rotated, the own-trades rule, idempotency keys of two
 * API keys, the rate limit (a tiny one: one request a second after a burst of {@value #BURST}), X-On-Behalf-Of, and
 * hostile input. Whatever is refused is a 4xx problem that publishes nothing. Each test spends its own key's bucket
 * (see {@link TestApiKeys}) so that only the rate-limit test ever reaches the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        TestApiKeys.PROPERTY,
        "otc.router.rate-limit.per-second=1",
        "otc.router.rate-limit.burst=" + SecurityIT.BURST})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class SecurityIT extends RouterIntegrationTest {

    static final int BURST = 60;
    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"10","clientOrderId":"%s"}""";
    private static final String QUOTE = "/api/quote?inputToken=SOL&outputToken=USDC&amount=10";
    private static final String PROBLEM = "application/problem+json";
    private static final String SETTLED_DLT_PAGE = DeadLetterPaths.ROOT + "/" + Topics.TRADES_SETTLED.deadLetterTopic()
            + "/0";
    /** Every key but the operator's: a trader's, a reader's, a delegating one's, the metrics scraper's. */
    private static final List<String> NOT_OPS = List.of(TestApiKeys.DESK, TestApiKeys.AUDITOR, TestApiKeys.DASHBOARD,
            TestApiKeys.METRICS);

    private FakeVenues venues;
    private PublishedRecords published;

    @BeforeEach
    void start() {
        venues = FakeVenues.usual(broker.getBrokersAsString());
        published = new PublishedRecords(broker.getBrokersAsString());
        await().atMost(Duration.ofSeconds(30)).until(this::ready);
    }

    @AfterEach
    void stop() {
        venues.close();
    }

    // --- Spellings ------------------------------------------------------------------------------------------------

    /** A protected route spelled another way, and what it must get: never the handler. */
    record Spelling(String method, String path, int withKey) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + withKey;
        }
    }

    static Stream<Spelling> spellings() {
        String trade = "/api/trades/" + UUID.randomUUID();
        return Stream.of(
                // The firewall: 400 before any filter or handler, with or without a key.
                new Spelling("POST", "/api;x=1/trades", 400),
                new Spelling("POST", "/%61pi/trades", 400),
                new Spelling("POST", "/api/trade%73", 400),
                new Spelling("POST", "//api/trades", 400),
                new Spelling("POST", "/api//trades", 400),
                new Spelling("POST", "/api/./trades", 400),
                new Spelling("POST", "/api/../api/trades", 400),
                new Spelling("POST", "/./api/trades", 400),
                new Spelling("POST", "/api/trades;", 400),
                new Spelling("POST", "/api/trades;jsessionid=1", 400),
                new Spelling("GET", "/api;x=1/quote?inputToken=SOL&outputToken=USDC&amount=10", 400),
                new Spelling("GET", "/%61pi/quote?inputToken=SOL&outputToken=USDC&amount=10", 400),
                new Spelling("GET", "//api/quote?inputToken=SOL&outputToken=USDC&amount=10", 400),
                new Spelling("GET", "/api;x=1" + trade.substring(4), 400),
                new Spelling("GET", "/api/trades//" + trade.substring(12), 400),
                new Spelling("GET", "/actuator;x=1/prometheus", 400),
                new Spelling("GET", "/actuator/health/../prometheus", 400),
                new Spelling("GET", "/actuator/health;x=1", 400),
                new Spelling("GET", "/actuator/%68ealth", 400),
                // Not a route: denied by default, so the desk's key gets 403.
                new Spelling("POST", "/api/trades/", 403),
                new Spelling("POST", "/API/TRADES", 403),
                new Spelling("POST", "/api/Trades", 403),
                new Spelling("POST", "/api/trades.json", 403),
                new Spelling("PUT", "/api/trades", 403),
                new Spelling("GET", "/api/quote/?inputToken=SOL&outputToken=USDC&amount=10", 403),
                new Spelling("GET", "/API/quote?inputToken=SOL&outputToken=USDC&amount=10", 403),
                new Spelling("HEAD", QUOTE, 403),
                new Spelling("GET", trade + "/", 403),
                new Spelling("GET", "/API" + trade.substring(4), 403),
                new Spelling("GET", "/api/trades/", 403),
                new Spelling("GET", "/api/trades", 403),
                new Spelling("GET", "/api", 403),
                new Spelling("GET", "/error", 403),
                // The actuator beyond health needs the metrics scope, whatever the spelling.
                new Spelling("GET", "/actuator/prometheus", 403),
                new Spelling("GET", "/actuator/prometheus/", 403),
                new Spelling("GET", "/Actuator/prometheus", 403),
                new Spelling("GET", "/actuator/env", 403),
                new Spelling("GET", "/actuator", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void shouldNeverLetAnotherSpellingOfAProtectedRouteReachItsHandler(Spelling spelling) throws Exception {
        long publishedBefore = published.count();

        HttpResponse<String> withKey = send(spelling.method(), spelling.path(), TRADE.formatted("spelling"),
                Map.of("X-API-Key", TestApiKeys.DESK));
        HttpResponse<String> withoutKey = send(spelling.method(), spelling.path(), TRADE.formatted("spelling"),
                Map.of());

        assertThat(withKey.statusCode()).isEqualTo(spelling.withKey());
        assertThat(withoutKey.statusCode()).isEqualTo(spelling.withKey() == 400 ? 400 : 401);
        if (!"HEAD".equals(spelling.method())) {
            assertThat(withKey.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(withoutKey.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        }
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    // --- Credentials ----------------------------------------------------------------------------------------------

    /** A protected route, and the keys whose scopes do not reach it. */
    record ProtectedRoute(String method, String path, List<String> outOfScope) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<ProtectedRoute> protectedRoutes() {
        return Stream.of(
                new ProtectedRoute("POST", "/api/trades", List.of(TestApiKeys.AUDITOR, TestApiKeys.METRICS)),
                new ProtectedRoute("GET", QUOTE, List.of(TestApiKeys.AUDITOR, TestApiKeys.METRICS)),
                new ProtectedRoute("GET", "/api/trades/" + UUID.randomUUID(), List.of(TestApiKeys.METRICS)),
                new ProtectedRoute("GET", "/actuator/prometheus",
                        List.of(TestApiKeys.DESK, TestApiKeys.AUDITOR, TestApiKeys.DASHBOARD)),
                new ProtectedRoute("GET", "/actuator/metrics", List.of(TestApiKeys.DESK, TestApiKeys.AUDITOR)),
                // kafka-support's dead-letter tools: the ops scope only.
                new ProtectedRoute("GET", DeadLetterPaths.ROOT, NOT_OPS),
                new ProtectedRoute("GET", SETTLED_DLT_PAGE + "/0", NOT_OPS),
                new ProtectedRoute("POST", SETTLED_DLT_PAGE + "/0/replay", NOT_OPS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldRefuseEveryProtectedRouteWithoutAValidKeyOrWithoutItsScope(ProtectedRoute route) throws Exception {
        long publishedBefore = published.count();
        String method = route.method();
        String path = route.path();
        String body = TRADE.formatted("credentials");

        HttpResponse<String> missing = send(method, path, body, Map.of());
        HttpResponse<String> empty = send(method, path, body, Map.of("X-API-Key", ""));
        HttpResponse<String> wrong = send(method, path, body, Map.of("X-API-Key", TestApiKeys.DESK + "x"));
        HttpResponse<String> otherCase = send(method, path, body, Map.of("X-API-Key", TestApiKeys.DESK.toUpperCase()));
        HttpResponse<String> digestAsKey = send(method, path, body,
                Map.of("X-API-Key", "37aad1b5d4f2dd2ddbd3693c3be023683e5a8b8cbc0daf092ce7f46a663e463c"));

        for (HttpResponse<String> refused : List.of(missing, empty, wrong, otherCase, digestAsKey)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("X-API-Key"));
            assertThat(refused.body()).doesNotContain(TestApiKeys.DESK);
        }
        assertThat(JSON.readTree(missing.body()).get("detail").asString()).contains("needs a credential");
        assertThat(JSON.readTree(wrong.body()).get("detail").asString()).contains("not one this service accepts");
        for (String key : route.outOfScope()) {
            HttpResponse<String> forbidden = send(method, path, body, Map.of("X-API-Key", key));
            assertThat(forbidden.statusCode()).as("key %s", key).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(JSON.readTree(forbidden.body()).get("detail").asString())
                    .contains("does not allow " + method);
        }
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    @Test
    void shouldAcceptTheOldAndTheNewKeyOfARotationAsTheSameClient() throws Exception {
        HttpResponse<String> withOld = post("/api/trades", TRADE.formatted("rotation"), TestApiKeys.DESK, Map.of());
        String location = withOld.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> readWithNew = get(location, TestApiKeys.DESK_ROTATED, Map.of());
        HttpResponse<String> quoteWithNew = get(QUOTE, TestApiKeys.DESK_ROTATED, Map.of());

        assertThat(withOld.statusCode()).isEqualTo(201);
        assertThat(readWithNew.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readWithNew.body()).get("submittedBy").asString()).isEqualTo("api-key:desk");
        assertThat(quoteWithNew.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLeaveHealthOpenAndNothingElse() throws Exception {
        for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = send("GET", health, null, Map.of());
            assertThat(response.statusCode()).as(health).isEqualTo(200);
            assertThat(response.body()).contains("UP");
        }
        assertThat(get("/actuator/prometheus", TestApiKeys.METRICS, Map.of()).statusCode()).isEqualTo(200);
        for (String actuator : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health/db")) {
            assertThat(send("GET", actuator, null, Map.of()).statusCode()).as(actuator + " without a key").isEqualTo(401);
            assertThat(get(actuator, TestApiKeys.DESK, Map.of()).statusCode()).as(actuator + " with a trade key")
                    .isEqualTo(403);
        }
    }

    @Test
    void shouldShowTheApiDescriptionOnlyToKeysThatMayUseTheApi() throws Exception {
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs/swagger-config")) {
            HttpResponse<String> anonymous = send("GET", docs, null, Map.of());
            assertThat(anonymous.statusCode()).as(docs + " without a key").isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(get(docs, "test-unknown-key-000000", Map.of()).statusCode()).as(docs + " with an unknown key")
                    .isEqualTo(401);
            assertThat(get(docs, TestApiKeys.METRICS, Map.of()).statusCode()).as(docs + " with a metrics key")
                    .isEqualTo(403);
        }
        assertThat(get("/v3/api-docs", TestApiKeys.DESK, Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", TestApiKeys.AUDITOR, Map.of()).statusCode()).isEqualTo(200);
        // No Swagger UI here (a browser cannot send X-API-Key), and no other rendering of the description.
        for (String other : List.of("/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html")) {
            assertThat(get(other, TestApiKeys.DESK, Map.of()).statusCode()).as(other).isEqualTo(403);
        }
    }

    @Test
    void shouldLetAnOpsKeyListReadAndReplayTheRoutersDeadLettersAndNothingElse() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), "poisoned-trade",
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                get(SETTLED_DLT_PAGE, TestApiKeys.OPS, Map.of()).body()).get("records").valueStream()
                .filter(record -> "poisoned-trade".equals(record.get("key").asString())).findFirst(),
                Optional::isPresent).orElseThrow();
        String one = SETTLED_DLT_PAGE + "/" + letter.get("offset").asLong();

        HttpResponse<String> listed = get(DeadLetterPaths.ROOT, TestApiKeys.OPS, Map.of());
        HttpResponse<String> read = get(one, TestApiKeys.OPS, Map.of());
        HttpResponse<String> replayed = post(one + "/replay", null, TestApiKeys.OPS, Map.of());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).valueStream().map(topic -> topic.get("topic").asString()))
                .containsExactlyInAnyOrder(Topics.JUPITER_QUOTED.deadLetterTopic(),
                        Topics.POOLS_QUOTED.deadLetterTopic(), Topics.TRADES_SETTLED.deadLetterTopic(),
                        Topics.JUPITER_EXECUTED.deadLetterTopic(), Topics.POOLS_EXECUTED.deadLetterTopic());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("key").asString()).isEqualTo("poisoned-trade");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).get("status").asString()).isEqualTo("REPLAYED");
        // The ops scope opens the dead-letter tools only.
        for (HttpResponse<String> refused : List.of(post("/api/trades", TRADE.formatted("ops"), TestApiKeys.OPS,
                Map.of()), get(QUOTE, TestApiKeys.OPS, Map.of()), get("/actuator/prometheus", TestApiKeys.OPS,
                Map.of()))) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        }
    }

    // --- Own trades -----------------------------------------------------------------------------------------------

    @Test
    void shouldShowATradeOnlyToTheKeyThatSubmittedItAndToKeysThatMayReadAll() throws Exception {
        HttpResponse<String> created = post("/api/trades", TRADE.formatted("own"), TestApiKeys.DESK, Map.of());
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> nobodys = get("/api/trades/" + UUID.randomUUID(), TestApiKeys.OTHER_DESK, Map.of());

        HttpResponse<String> otherDesk = get(location, TestApiKeys.OTHER_DESK, Map.of());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get(location, TestApiKeys.DESK, Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(location, TestApiKeys.AUDITOR, Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(location, TestApiKeys.DASHBOARD, Map.of()).statusCode()).isEqualTo(200);
        assertThat(otherDesk.statusCode()).isEqualTo(404);
        assertThat(otherDesk.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        // As if it did not exist: the same answer as for a trade nobody decided.
        assertThat(JSON.readTree(otherDesk.body()).get("title").asString())
                .isEqualTo(JSON.readTree(nobodys.body()).get("title").asString());
        assertThat(otherDesk.body()).doesNotContain("SOL").doesNotContain("api-key:desk");
    }

    // --- Idempotency keys -----------------------------------------------------------------------------------------

    @Test
    void shouldKeepTheSameIdempotencyKeyOfTwoApiKeysApart() throws Exception {
        String idempotencyKey = "shared-" + UUID.randomUUID();
        Map<String, String> header = Map.of("Idempotency-Key", idempotencyKey);
        long decisionsBefore = published.decisions();

        HttpResponse<String> desk = post("/api/trades", TRADE.formatted("desk-order"), TestApiKeys.DESK, header);
        HttpResponse<String> otherDesk = post("/api/trades", TRADE.formatted("other-order"), TestApiKeys.OTHER_DESK,
                header);
        HttpResponse<String> deskAgain = post("/api/trades", TRADE.formatted("desk-order"), TestApiKeys.DESK, header);
        HttpResponse<String> otherDeskAgain = post("/api/trades", TRADE.formatted("other-order"),
                TestApiKeys.OTHER_DESK, header);

        assertThat(desk.statusCode()).isEqualTo(201);
        assertThat(otherDesk.statusCode()).as("another client's request, not a reuse").isEqualTo(201);
        assertThat(otherDesk.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(tradeId(otherDesk)).isNotEqualTo(tradeId(desk));
        assertThat(deskAgain.body()).isEqualTo(desk.body());
        assertThat(deskAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherDeskAgain.body()).isEqualTo(otherDesk.body());
        assertThat(otherDeskAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(published.decisions() - decisionsBefore).isEqualTo(2);
    }

    @Test
    void shouldNotReplayOneDashboardUsersTradeToAnother() throws Exception {
        String idempotencyKey = "page-" + UUID.randomUUID();
        String body = TRADE.formatted("same-page");

        HttpResponse<String> alice = post("/api/trades", body, TestApiKeys.DASHBOARD,
                Map.of("Idempotency-Key", idempotencyKey, "X-On-Behalf-Of", "alice"));
        HttpResponse<String> bob = post("/api/trades", body, TestApiKeys.DASHBOARD,
                Map.of("Idempotency-Key", idempotencyKey, "X-On-Behalf-Of", "bob"));

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(422);
        assertThat(bob.body()).doesNotContain(tradeId(alice)).contains("different request");
    }

    // --- Rate limit -----------------------------------------------------------------------------------------------

    @Test
    void shouldRefuseAKeyBeyondItsRateWith429AndRetryAfterAndLeaveOtherKeysAlone() throws Exception {
        long publishedBefore = published.count();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limitedQuote = null;
        HttpResponse<String> limitedTrade = null;
        // Cheap requests, quotes and trades in turn (an amount of zero is refused after the rate limit), until both
        // have met the empty bucket; at one token a second it refills by a few at most while this runs.
        while ((limitedQuote == null || limitedTrade == null) && statuses.size() < BURST + 40) {
            HttpResponse<String> quote = get("/api/quote?inputToken=SOL&outputToken=USDC&amount=0",
                    TestApiKeys.LIMITED, Map.of());
            HttpResponse<String> trade = post("/api/trades", "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\","
                    + "\"amount\":\"0\"}", TestApiKeys.LIMITED, Map.of());
            statuses.add(quote.statusCode());
            statuses.add(trade.statusCode());
            limitedQuote = quote.statusCode() == 429 ? quote : limitedQuote;
            limitedTrade = trade.statusCode() == 429 ? trade : limitedTrade;
        }

        assertThat(statuses.subList(0, BURST)).containsOnly(400);
        assertThat(limitedQuote).as("a quote refused within %d requests", BURST + 40).isNotNull();
        assertThat(limitedTrade).as("a trade refused within %d requests", BURST + 40).isNotNull();
        for (HttpResponse<String> limited : List.of(limitedQuote, limitedTrade)) {
            assertThat(limited.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
            assertThat(JSON.readTree(limited.body()).get("detail").asString())
                    .contains("'limited' may send 1 trade submissions and quotes a second");
        }
        assertThat(published.count()).isEqualTo(publishedBefore);
        assertThat(get(QUOTE, TestApiKeys.DESK, Map.of()).statusCode()).as("another key").isEqualTo(200);
    }

    // --- X-On-Behalf-Of -------------------------------------------------------------------------------------------

    @Test
    void shouldRecordTheDashboardUserADelegatingKeyTradesFor() throws Exception {
        String clientOrderId = "on-behalf-" + UUID.randomUUID();

        HttpResponse<String> created = post("/api/trades", TRADE.formatted(clientOrderId), TestApiKeys.DASHBOARD,
                Map.of("X-On-Behalf-Of", "alice.trader@desk-7"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("submittedBy").asString())
                .isEqualTo("dashboard-user:alice.trader@desk-7");
        assertThat(published.decision(clientOrderId).getSubmittedBy()).isEqualTo("dashboard-user:alice.trader@desk-7");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(JSON.readTree(get(location, TestApiKeys.AUDITOR, Map.of()).body()).get("submittedBy").asString())
                .isEqualTo("dashboard-user:alice.trader@desk-7");
    }

    @Test
    void shouldRecordTheApiKeyWhenNobodyIsNamed() throws Exception {
        String clientOrderId = "api-key-" + UUID.randomUUID();

        HttpResponse<String> created = post("/api/trades", TRADE.formatted(clientOrderId), TestApiKeys.DASHBOARD,
                Map.of());

        assertThat(JSON.readTree(created.body()).get("submittedBy").asString()).isEqualTo("api-key:dashboard");
        assertThat(published.decision(clientOrderId).getSubmittedBy()).isEqualTo("api-key:dashboard");
    }

    @Test
    void shouldRefuseAKeyWithoutTheDelegateScopeActingForSomeone() throws Exception {
        long publishedBefore = published.count();
        Map<String, String> alice = Map.of("X-On-Behalf-Of", "alice");

        HttpResponse<String> trade = post("/api/trades", TRADE.formatted("impostor"), TestApiKeys.DESK, alice);
        HttpResponse<String> quote = get(QUOTE, TestApiKeys.DESK, alice);
        HttpResponse<String> read = get("/api/trades/" + UUID.randomUUID(), TestApiKeys.AUDITOR, alice);

        for (HttpResponse<String> refused : List.of(trade, quote, read)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(JSON.readTree(refused.body()).get("detail").asString())
                    .contains("Only an API key with the delegate scope may send X-On-Behalf-Of");
        }
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice smith", "<script>", "alice:admin", "ålice", "a/b",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void shouldRefuseAnInvalidNameInXOnBehalfOf(String name) throws Exception {
        long publishedBefore = published.count();

        HttpResponse<String> response = post("/api/trades", TRADE.formatted("bad-name"), TestApiKeys.DASHBOARD,
                Map.of("X-On-Behalf-Of", name));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("X-On-Behalf-Of: must be one header of 1 to 64 characters");
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    // --- Hostile input --------------------------------------------------------------------------------------------

    /** A hostile request with the fuzzer's key, and the status and words of the problem it must get. */
    record Hostile(String name, String method, String path, String body, int status, String detail) {
        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    static Stream<Hostile> hostileInput() {
        String deep = "{\"inputToken\":" + "[".repeat(10_000);
        String over = TRADE.formatted("x".repeat(17 * 1024));
        String trade = "/api/trades/" + UUID.randomUUID();
        return Stream.of(
                trade("output token with a NUL", "outputToken", "\"usdc\\u0000\"", 400,
                        "outputToken: unknown token 'usdc\\u0000'"),
                trade("output token in lower case", "outputToken", "\"usdc\"", 400,
                        "outputToken: unknown token 'usdc'"),
                trade("input token with a space", "inputToken", "\"SOL \"", 400, "inputToken: unknown token 'SOL '"),
                trade("slippage with a fraction", "slippageBps", "1.5", 400, "Field 'slippageBps' is invalid"),
                trade("slippage as a string", "slippageBps", "\"50\"", 400, "Field 'slippageBps' is invalid"),
                trade("client order id as a number", "clientOrderId", "42", 400, "Field 'clientOrderId' is invalid"),
                trade("client order id with a control character", "clientOrderId", "\"desk\\u0007\"", 400,
                        "clientOrderId: must be 1 to 64 characters"),
                trade("amount with a huge exponent", "amount", "\"1E+99999999\"", 400,
                        "amount: '1E+99999999' is not a plain decimal number"),
                trade("amount as a number with a huge exponent", "amount", "1E+99999999", 400,
                        "Field 'amount' is invalid"),
                trade("amount of 200 digits", "amount", "\"" + "9".repeat(200) + "\"", 400,
                        "is not a plain decimal number of at most 10 digits"),
                trade("amount as a number of 200 digits", "amount", "9".repeat(200), 400,
                        "Number value length (200) exceeds the maximum allowed (64"),
                trade("amount of 200 decimals", "amount", "\"0." + "1".repeat(200) + "\"", 400, "amount"),
                trade("unknown field", "price", "\"1\"", 400, "Unknown field 'price'"),
                post("duplicate field", "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\","
                        + "\"amount\":\"2\"}", 400, "Duplicate"),
                trade("null for the token", "inputToken", "null", 400, "inputToken: is required"),
                post("input token as a number", "{\"inputToken\":123,\"outputToken\":\"USDC\",\"amount\":\"1\"}", 400,
                        "Field 'inputToken' is invalid"),
                post("trailing JSON", TRADE.formatted("a") + TRADE.formatted("b"), 400, "Trailing token"),
                post("JSON nested 10,000 deep in a field", deep, 400, "Field 'inputToken' is invalid"),
                post("JSON nested 10,000 deep", "[".repeat(10_000) + "]".repeat(5_000), 400,
                        "must be a JSON object"),
                post("body over the limit", over, 413, "exceeds the limit of 16384 bytes"),
                new Hostile("unknown query parameter on a trade", "POST", "/api/trades?dryRun=true",
                        TRADE.formatted("q"), 400, "dryRun: unknown query parameter"),
                quote("quote token with a NUL", "inputToken=SOL&outputToken=usdc%00&amount=1", 400,
                        "outputToken: unknown token 'usdc\\u0000'"),
                quote("quote token in lower case", "inputToken=sol&outputToken=USDC&amount=1", 400,
                        "inputToken: unknown token 'sol'"),
                quote("quote slippage with a fraction", "inputToken=SOL&outputToken=USDC&amount=1&slippageBps=1.5",
                        400, "slippageBps: must be a whole number"),
                quote("quote amount with a huge exponent", "inputToken=SOL&outputToken=USDC&amount=1E%2B99999999",
                        400, "amount: '1E+99999999' is not a plain decimal number"),
                quote("quote amount of 200 digits", "inputToken=SOL&outputToken=USDC&amount=" + "9".repeat(200),
                        400, "is not a plain decimal number"),
                quote("quote amount missing", "inputToken=SOL&outputToken=USDC", 400, "amount"),
                quote("quote amount twice", "inputToken=SOL&outputToken=USDC&amount=1&amount=2", 400,
                        "amount: must be given once"),
                quote("quote unknown parameter", "inputToken=SOL&outputToken=USDC&amount=1&side=buy", 400,
                        "side: unknown query parameter"),
                new Hostile("trade id too long", "GET", "/api/trades/" + "a".repeat(65), null, 400, "tradeId"),
                new Hostile("trade id with odd characters", "GET", "/api/trades/a*b", null, 400, "tradeId"),
                new Hostile("unknown query parameter on a trade read", "GET", trade + "?fields=all", null, 400,
                        "fields: unknown query parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInput")
    void shouldRefuseHostileInputQuicklyWithAProblemNamingWhatIsWrongAndPublishNothing(Hostile hostile)
            throws Exception {
        long publishedBefore = published.count();

        HttpResponse<String> response = assertTimeout(Duration.ofSeconds(2), () -> send(hostile.method(),
                hostile.path(), hostile.body(), Map.of("X-API-Key", TestApiKeys.FUZZER)));

        assertThat(response.statusCode()).isEqualTo(hostile.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(hostile.detail());
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    /** A valid trade of 1 SOL for USDC with one field replaced or added: {@code "key":value}. */
    private static Hostile trade(String name, String key, String value, int status, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("inputToken", "\"SOL\"");
        fields.put("outputToken", "\"USDC\"");
        fields.put("amount", "\"1\"");
        fields.put(key, value);
        return post(name, fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}")), status, detail);
    }

    private static Hostile post(String name, String body, int status, String detail) {
        return new Hostile(name, "POST", "/api/trades", body, status, detail);
    }

    private static Hostile quote(String name, String query, int status, String detail) {
        return new Hostile(name, "GET", "/api/quote?" + query, null, status, detail);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, String json, String apiKey, Map<String, String> headers)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-API-Key", apiKey);
        return send("POST", path, json, all);
    }

    private HttpResponse<String> get(String path, String apiKey, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-API-Key", apiKey);
        return send("GET", path, null, all);
    }

    private static String tradeId(HttpResponse<String> response) {
        JsonNode trade = JSON.readTree(response.body());
        return trade.get("tradeId").asString();
    }
}
