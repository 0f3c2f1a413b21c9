package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.testsupport.kafka.ConsumedTopics;
import tools.jackson.databind.JsonNode;

/**
 * The trade API over real HTTP with API keys configured, on a real broker and a real PostgreSQL: refusals,
 * idempotent replay (also of a request still in flight), and following a trade to its settlement. The trust
 * boundary itself (spellings, scopes, rotation, rate limit, hostile input) is {@link SecurityIT}'s.
 * The venues are played by {@link FakeVenues}, execution and the ledger by {@link FakeLedger}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        TestApiKeys.PROPERTY,
        "otc.router.api.settle-wait=3s"})
@EmbeddedKafka(partitions = 1)
@Import({ConsumedTopics.class, StatementLog.class})
class TradeApiIT extends RouterIntegrationTest {

    static final String KEY = TestApiKeys.DESK;
    static final String OTHER_KEY = TestApiKeys.OTHER_DESK;
    static final String REUSED_KEY = "battery-reused-key";
    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"%s"}""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatementLog statements;

    private FakeVenues venues;
    private FakeLedger ledger;
    private PublishedRecords published;

    @BeforeEach
    void start() {
        venues = FakeVenues.usual(broker.getBrokersAsString());
        ledger = new FakeLedger(broker.getBrokersAsString());
        published = new PublishedRecords(broker.getBrokersAsString());
        await().atMost(Duration.ofSeconds(30)).until(() -> ready() && ledger.assigned());
        // A key the desk already used with another request, for the battery's reuse case.
        jdbc.sql("""
                insert into idempotency_key (api_key_id, idempotency_key, request_hash, status_code, response_body,
                        created_at)
                values ('desk', :key, :hash, 201, '{}', now()) on conflict do nothing""")
                .param("key", REUSED_KEY).param("hash", "0".repeat(64)).update();
    }

    @AfterEach
    void stop() {
        venues.close();
        ledger.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldRefuseABadRequestWithAProblemNamingWhatIsWrongAndPublishNothing(BadRequest bad) throws Exception {
        long publishedBefore = published.count();

        HttpResponse<String> response = send(bad);

        assertThat(response.statusCode()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("detail").asString()).contains(bad.detail());
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    static Stream<BadRequest> badRequests() {
        String big = "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\",\"clientOrderId\":\""
                + "x".repeat(17 * 1024) + "\"}";
        return Stream.of(
                json("malformed JSON", "{not json", 400, "Malformed JSON"),
                json("truncated JSON", "{\"inputToken\":\"SOL\"", 400, "Malformed JSON"),
                json("array instead of object", "[]", 400, "must be a JSON object"),
                json("string instead of object", "\"SOL\"", 400, "must be a JSON object"),
                json("JSON null", "null", 400, "missing"),
                trade("unknown field", "\"price\":\"1\"", 400, "Unknown field 'price'"),
                trade("field name in the wrong case", "\"Amount\":\"1\"", 400, "Unknown field 'Amount'"),
                json("unknown input token", body("DOGE", "USDC", "1"), 400, "inputToken: unknown token 'DOGE'"),
                json("unknown output token", body("SOL", "XYZ", "1"), 400, "outputToken: unknown token 'XYZ'"),
                json("numeric token", "{\"inputToken\":123,\"outputToken\":\"USDC\",\"amount\":\"1\"}", 400,
                        "Field 'inputToken' is invalid"),
                json("same token on both sides", body("SOL", "SOL", "1"), 400, "outputToken: must differ"),
                json("input token missing", "{\"outputToken\":\"USDC\",\"amount\":\"1\"}", 400,
                        "inputToken: is required"),
                json("output token missing", "{\"inputToken\":\"SOL\",\"amount\":\"1\"}", 400,
                        "outputToken: is required"),
                json("amount zero", body("SOL", "USDC", "0"), 400, "amount: must be greater than zero"),
                json("amount negative", body("SOL", "USDC", "-5"), 400, "amount: must be greater than zero"),
                json("amount not a number", body("SOL", "USDC", "abc"), 400, "amount: 'abc' is not a plain decimal"),
                json("amount with exponent", body("SOL", "USDC", "1e3"), 400, "amount: '1e3' is not a plain decimal"),
                json("amount NaN", body("SOL", "USDC", "NaN"), 400, "amount: 'NaN' is not a plain decimal"),
                json("amount in hex", body("SOL", "USDC", "0x10"), 400, "amount: '0x10' is not a plain decimal"),
                json("amount with a space", body("SOL", "USDC", "1 000"), 400, "is not a plain decimal"),
                json("amount in non-ASCII digits", body("SOL", "USDC", "١٢"), 400, "is not a plain decimal"),
                json("amount with more decimals than SOL", body("SOL", "USDC", "1.0000000001"), 400,
                        "SOL has 9 decimals"),
                json("amount with more decimals than USDC", body("USDC", "USDT", "1.0000001"), 400,
                        "USDC has 6 decimals"),
                json("amount above the maximum", body("SOL", "USDC", "1000000001"), 400,
                        "amount: must not exceed 1000000000"),
                json("amount empty", body("SOL", "USDC", ""), 400, "amount: is required"),
                json("amount missing", "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\"}", 400,
                        "amount: is required"),
                json("amount an object", "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":{\"v\":1}}",
                        400, "Field 'amount' is invalid"),
                trade("slippage zero", "\"slippageBps\":0", 400, "slippageBps: must be between 1 and 5000"),
                trade("slippage 5001", "\"slippageBps\":5001", 400, "slippageBps: must be between 1 and 5000"),
                trade("slippage negative", "\"slippageBps\":-1", 400, "slippageBps: must be between 1 and 5000"),
                trade("slippage not a number", "\"slippageBps\":\"abc\"", 400, "Field 'slippageBps' is invalid"),
                trade("slippage beyond an int", "\"slippageBps\":99999999999", 400, "slippageBps"),
                trade("clientOrderId too long", "\"clientOrderId\":\"" + "a".repeat(65) + "\"", 400,
                        "clientOrderId: must be 1 to 64 characters"),
                trade("clientOrderId with markup", "\"clientOrderId\":\"<script>\"", 400, "clientOrderId"),
                trade("clientOrderId with a space", "\"clientOrderId\":\"desk 7\"", 400, "clientOrderId"),
                trade("clientOrderId empty", "\"clientOrderId\":\"\"", 400, "clientOrderId"),
                json("oversized body", big, 413, "exceeds the limit of 16384 bytes"),
                new BadRequest("oversized chunked body", "/api/trades", "application/json", big, Map.of(), true,
                        true, 413, "exceeds the limit of 16384 bytes"),
                new BadRequest("plain text content type", "/api/trades", "text/plain", body("SOL", "USDC", "1"),
                        Map.of(), true, false, 415, "text/plain"),
                new BadRequest("XML content type", "/api/trades", "application/xml", "<trade/>", Map.of(), true,
                        false, 415, "application/xml"),
                json("missing body", "", 400, "missing"),
                new BadRequest("API key missing", "/api/trades", "application/json", body("SOL", "USDC", "1"),
                        Map.of(), false, false, 401, "needs a credential: an API key in the X-API-Key header"),
                new BadRequest("API key wrong", "/api/trades", "application/json", body("SOL", "USDC", "1"),
                        Map.of("X-API-Key", "not-" + KEY), false, false, 401, "not one this service accepts"),
                new BadRequest("API key of another case", "/api/trades", "application/json",
                        body("SOL", "USDC", "1"), Map.of("X-API-Key", KEY.toUpperCase()), false, false, 401,
                        "not one this service accepts"),
                new BadRequest("idempotency key too long", "/api/trades", "application/json",
                        body("SOL", "USDC", "1"), Map.of("Idempotency-Key", "k".repeat(256)), true, false, 400,
                        "Idempotency-Key header must be 1 to 255 visible ASCII characters"),
                new BadRequest("idempotency key reused with another body", "/api/trades", "application/json",
                        body("SOL", "USDC", "1"), Map.of("Idempotency-Key", REUSED_KEY), true, false, 422,
                        "already used by this API key with a different request"),
                new BadRequest("unknown wait mode", "/api/trades?wait=forever", "application/json",
                        body("SOL", "USDC", "1"), Map.of(), true, false, 400, "wait: must be 'settled'"),
                new BadRequest("POST on a trade", "/api/trades/abc", "application/json", body("SOL", "USDC", "1"),
                        Map.of(), true, false, 403, "does not allow POST"));
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameKeyAndTheSameRequestWrittenDifferently() throws Exception {
        String key = "replay-" + UUID.randomUUID();
        String clientOrderId = "replay-" + UUID.randomUUID();
        long decisionsBefore = published.decisions();

        HttpResponse<String> first = post("/api/trades", TRADE.formatted(clientOrderId), Map.of(
                "X-API-Key", KEY, "Idempotency-Key", key));
        HttpResponse<String> again = post("/api/trades", """
                { "clientOrderId": "%s", "slippageBps": 50,
                  "amount": "1000", "outputToken": "USDC", "inputToken": "SOL" }""".formatted(clientOrderId),
                Map.of("X-API-Key", KEY, "Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/api/trades/"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(published.decisions() - decisionsBefore).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWith422AndKeepTheFirstAnswer() throws Exception {
        String key = "reuse-" + UUID.randomUUID();
        HttpResponse<String> first = post("/api/trades", TRADE.formatted("reuse-a"),
                Map.of("X-API-Key", KEY, "Idempotency-Key", key));
        long publishedBefore = published.count();

        HttpResponse<String> other = post("/api/trades", TRADE.formatted("reuse-b"),
                Map.of("X-API-Key", KEY, "Idempotency-Key", key));
        HttpResponse<String> same = post("/api/trades", TRADE.formatted("reuse-a"),
                Map.of("X-API-Key", KEY, "Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(other.body()).get("detail").asString()).contains(key).contains("different request");
        assertThat(same.body()).isEqualTo(first.body());
        assertThat(published.count()).isEqualTo(publishedBefore);
    }

    @Test
    void shouldMakeARepeatWaitForTheFirstRequestStillInFlightAndReplayItsAnswer() throws Exception {
        ledger.delay(Duration.ofMillis(1500));
        String key = "in-flight-" + UUID.randomUUID();
        String body = TRADE.formatted("in-flight-" + UUID.randomUUID());
        long decisionsBefore = published.decisions();

        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(request("POST", "/api/trades?wait=settled", body,
                Map.of("X-API-Key", KEY, "Idempotency-Key", key)), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from idempotency_key where idempotency_key = :key and status_code is null")
                .param("key", key).query(Long.class).single() == 1);
        HttpResponse<String> repeat = post("/api/trades?wait=settled", body,
                Map.of("X-API-Key", KEY, "Idempotency-Key", key));

        HttpResponse<String> original = first.get();
        assertThat(original.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(original.body()).get("status").asString()).isEqualTo("SETTLED");
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(original.body());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(published.decisions() - decisionsBefore).isEqualTo(1);
    }

    @Test
    void shouldAcceptAnyConfiguredKeyWithTheTradeScopeForTradesQuotesAndItsOwnTrades() throws Exception {
        HttpResponse<String> created = post("/api/trades", TRADE.formatted("other-key"), Map.of("X-API-Key", OTHER_KEY));

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(get(location, OTHER_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1", OTHER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldWaitForTheSettlementWhenAskedAndReturnTheRealizedOutput() throws Exception {
        HttpResponse<String> response = post("/api/trades?wait=settled", TRADE.formatted("wait-settled"),
                Map.of("X-API-Key", KEY));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode trade = JSON.readTree(response.body());
        assertThat(trade.get("status").asString()).isEqualTo("SETTLED");
        assertThat(trade.at("/settlement/status").asString()).isEqualTo("FILLED");
        assertThat(trade.at("/settlement/realizedOutput").asString()).isEqualTo("149625.000000");
        assertThat(trade.at("/settlement/filledInput").asString()).isEqualTo("1000.000000000");
        assertThat(trade.get("expectedOutput").asString()).isEqualTo("149625.000000");
    }

    @Test
    void shouldAnswerTheDecisionWhenTheSettlementDoesNotComeWithinTheWait() throws Exception {
        ledger.settling(false);
        Instant start = Instant.now();

        HttpResponse<String> response = post("/api/trades?wait=settled", TRADE.formatted("wait-timeout"),
                Map.of("X-API-Key", KEY));

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode trade = JSON.readTree(response.body());
        assertThat(trade.get("status").asString()).isEqualTo("DECIDED");
        assertThat(trade.get("settlement")).isNull();
    }

    @Test
    void shouldFollowTheTradeFromDecidedToSettledWithItsLegs() throws Exception {
        ledger.delay(Duration.ofSeconds(2));
        HttpResponse<String> created = post("/api/trades", TRADE.formatted("follow"), Map.of("X-API-Key", KEY));
        String location = created.headers().firstValue("Location").orElseThrow();

        JsonNode decided = JSON.readTree(get(location).body());
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("tradeId").asString()).isEqualTo(JSON.readTree(created.body()).get("tradeId").asString());

        JsonNode settled = await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get(location).body()),
                trade -> "SETTLED".equals(trade.get("status").asString()) && trade.has("executions"));
        assertThat(settled.at("/settlement/realizedOutput").asString()).isEqualTo("149625.000000");
        assertThat(settled.at("/settlement/savingVsDex").asString()).isEqualTo("1625.000000");
        assertThat(settled.at("/settlement/revision").asInt()).as("the ledger's first settlement").isEqualTo(1);
        assertThat(settled.at("/executions/0/venue").asString()).isEqualTo("OTC");
        assertThat(settled.at("/executions/0/status").asString()).isEqualTo("FILLED");
        assertThat(settled.at("/executions/0/output").asString()).isEqualTo("149625.000000");
    }

    /**
     * What a trade costs PostgreSQL (issue 17): on the request path, under an Idempotency-Key, the key's claim, the
     * decision stored before it is published, and the key's answer stored together with the decision's
     * acknowledgement; then one statement per leg and one for the settlement on the trade-progress listener.
     */
    @Test
    void shouldCostPostgreSqlThreeStatementsOnTheRequestPathOfATradeUnderAnIdempotencyKey() throws Exception {
        int trades = 4;
        List<String> tradeIds = new ArrayList<>();
        statements.clear();
        for (int i = 0; i < trades; i++) {
            HttpResponse<String> created = post("/api/trades", TRADE.formatted("statements-" + i),
                    Map.of("X-API-Key", KEY, "Idempotency-Key", "statements-" + UUID.randomUUID()));
            assertThat(created.statusCode()).isEqualTo(201);
            tradeIds.add(JSON.readTree(created.body()).get("tradeId").asString());
        }
        Map<String, Long> requestPath = statements.counts(thread -> thread.startsWith("http-nio"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from tracked_trade t where t.trade_id in (:ids) and t.settled_at is not null
                        and exists (select 1 from tracked_leg l where l.trade_id = t.trade_id)""")
                .param("ids", tradeIds).query(Long.class).single() == trades);
        Map<String, Long> progress = statements.counts(thread -> thread.startsWith("trade-progress"));
        System.out.println("Statements for " + trades + " trades under an Idempotency-Key, request path: "
                + requestPath + "; trade progress: " + progress);

        assertThat(requestPath).containsOnly(Map.entry("insert into idempotency_key", (long) trades),
                Map.entry("insert into tracked_trade", (long) trades),
                Map.entry("with published as", (long) trades));
        assertThat(jdbc.sql("""
                select count(*) from tracked_trade where trade_id in (:ids) and published_at is not null""")
                .param("ids", tradeIds).query(Long.class).single()).as("acknowledgements recorded").isEqualTo(trades);
        assertThat(jdbc.sql("""
                select count(*) from idempotency_key where trade_id in (:ids) and status_code = 201
                        and claimed_at is null""")
                .param("ids", tradeIds).query(Long.class).single()).as("answers stored").isEqualTo(trades);
    }

    /** Every request is timed (http.server.requests); the security chain's filters are not observed one by one. */
    @Test
    void shouldObserveEveryHttpRequestButNoSecurityFilter() throws Exception {
        assertThat(post("/api/trades", TRADE.formatted("observed"), Map.of("X-API-Key", KEY)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> metrics = get("/actuator/prometheus", TestApiKeys.METRICS);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("uri=\"/api/trades\"") && line.contains("status=\"201\""))).isNotEmpty();
        assertThat(metrics.body()).doesNotContain("spring_security_");
    }

    @Test
    void shouldAnswerNotFoundAsAProblemForATradeNobodyDecided() throws Exception {
        HttpResponse<String> response = get("/api/trades/no-such-trade");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no-such-trade");
    }

    private HttpResponse<String> send(BadRequest bad) throws Exception {
        var builder = HttpRequest.newBuilder(uri(bad.path()));
        if (bad.contentType() != null) {
            builder.header("Content-Type", bad.contentType());
        }
        if (bad.withApiKey()) {
            builder.header("X-API-Key", KEY);
        }
        bad.headers().forEach(builder::header);
        byte[] bytes = bad.body().getBytes(StandardCharsets.UTF_8);
        builder.POST(bad.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        return send("POST", path, json, headers);
    }

    private static String body(String input, String output, String amount) {
        return "{\"inputToken\":\"%s\",\"outputToken\":\"%s\",\"amount\":\"%s\"}".formatted(input, output, amount);
    }

    private static BadRequest json(String name, String body, int status, String detail) {
        return new BadRequest(name, "/api/trades", "application/json", body, Map.of(), true, false, status, detail);
    }

    /** A valid SOL->USDC trade with one field added or replaced. */
    private static BadRequest trade(String name, String field, int status, String detail) {
        return json(name, "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\"," + field + "}",
                status, detail);
    }

    record BadRequest(String name, String path, String contentType, String body, Map<String, String> headers,
            boolean withApiKey, boolean chunked, int status, String detail) {

        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }
}
