package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.ledger.booking.TradeRepository;
import io.otcrouter.ledger.booking.TradeState;
import io.otcrouter.testsupport.http.PathSpellings;
import io.otcrouter.testsupport.http.Reply;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The ledger's trust boundary, attacked: every route in odd spellings, with every credential missing, unknown,
 * out of scope or rotated, and with hostile query parameters. Whatever is refused is refused with a 4xx
 * {@code application/problem+json} saying what is wrong, within a bound only a CPU burn could miss, and the ledger's
 * tables are the same afterwards. A database of its own, holding one settled trade, so the tables compared are
 * whole. Requests go through the JDK's client, which sends a path exactly as written.
 */
@LedgerIT
@TestPropertySource(properties = ApiKeys.CONFIGURED)
@Import(ConsumedTopics.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    /** Generous: guards against minutes-long parsing, not a performance test. */
    private static final Duration GENEROUS = Duration.ofSeconds(2);
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private TradeRepository trades;

    private final HttpClient http = HttpClient.newHttpClient();
    private String tradeId;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useOwn(registry, "ledger_security_it");
    }

    @BeforeAll
    void bookOneTrade() {
        tradeId = "trade-" + UUID.randomUUID();
        RouteDecided decision = LedgerFixtures.otcDecision(tradeId);
        LegExecuted fill = LedgerFixtures.otcFill(tradeId);
        try (Upstream upstream = new Upstream(broker)) {
            upstream.send(decision);
            upstream.send(fill);
        }
        // Settled, so nothing but the relay (whose times the tables compared leave out) changes it any more.
        await().atMost(Duration.ofSeconds(30)).until(() -> trades.findByTradeId(tradeId)
                .filter(trade -> trade.getStatus() != TradeState.PENDING).isPresent());
    }

    /** A route: method, path ({@code {id}} for the booked trade) and the scope it needs. */
    record Route(String method, String path, String scope) {

        /** This route at {@code spell(path)}, the trade's id in place. */
        Route spelled(UnaryOperator<String> spell, String tradeId) {
            return new Route(method, spell.apply(path.replace("{id}", tradeId)), scope);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> protectedRoutes() {
        return List.of(
                new Route("GET", "/api/ledger/trades", "read"),
                new Route("GET", "/api/ledger/trades?route=OTC&size=10", "read"),
                new Route("GET", "/api/ledger/trades/{id}", "read"),
                new Route("GET", "/api/ledger/stats", "read"),
                new Route("GET", "/api/ledger/analytics", "read"),
                new Route("GET", "/actuator/prometheus", "metrics"),
                new Route("GET", "/actuator/metrics", "metrics"),
                new Route("GET", "/actuator/info", "metrics"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldAskForACredentialOnEveryProtectedRoute(Route route) {
        Map<String, List<String>> before = tables();

        Reply reply = send(route, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains(ApiKeys.HEADER));
        assertThat(reply.body()).doesNotContain(tradeId);
        assertThat(tables()).isEqualTo(before);
    }

    static Stream<Arguments> wrongKeys() {
        return protectedRoutes().stream().flatMap(route -> Stream.of(ApiKeys.UNKNOWN, "", " ", ApiKeys.READ_DIGEST,
                ApiKeys.READ.toUpperCase(), ApiKeys.READ + "x", ApiKeys.READ.substring(1))
                .map(key -> Arguments.of(route, key)));
    }

    @ParameterizedTest(name = "{0} with key \"{1}\"")
    @MethodSource("wrongKeys")
    void shouldRefuseAKeyItDoesNotKnowWithoutSayingWhy(Route route, String key) {
        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain(ApiKeys.READER_ID).doesNotContain(tradeId);
        if (!key.isBlank()) {
            assertThat(reply.body()).doesNotContain(key);
        }
    }

    static Stream<Arguments> keysOutOfScope() {
        return protectedRoutes().stream().map(route -> Arguments.of(route,
                route.scope().equals("read") ? ApiKeys.METRICS : ApiKeys.READ));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("keysOutOfScope")
    void shouldForbidAValidKeyWithoutTheRoutesScope(Route route, String key) {
        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain(tradeId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldAnswerTheRightKeyAndBothKeysOfARotation(Route route) {
        List<String> keys = route.scope().equals("read") ? List.of(ApiKeys.READ, ApiKeys.READ_NEXT)
                : List.of(ApiKeys.METRICS);

        for (String key : keys) {
            assertThat(send(route, key).status()).as("%s with %s", route, key).isEqualTo(200);
        }
    }

    /** The dead-letter tools (kafka-support), on a dead-letter topic of what the ledger reads; it holds nothing. */
    static List<Route> deadLetterRoutes() {
        String topic = Topics.ROUTES_DECIDED.deadLetterTopic();
        return List.of(
                new Route("GET", "/admin/dead-letters", "ops"),
                new Route("GET", "/admin/dead-letters/" + topic + "/0/0", "ops"),
                new Route("POST", "/admin/dead-letters/" + topic + "/0/0/replay", "ops"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterRoutes")
    void shouldAskForACredentialOnEveryDeadLetterRoute(Route route) {
        Map<String, List<String>> before = tables();

        Reply reply = send(route, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(tables()).isEqualTo(before);
    }

    static Stream<Arguments> keysWithoutOps() {
        return deadLetterRoutes().stream().flatMap(route -> Stream.of(ApiKeys.READ, ApiKeys.READ_NEXT, ApiKeys.METRICS)
                .map(key -> Arguments.of(route, key)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("keysWithoutOps")
    void shouldForbidTheDeadLetterToolsToAKeyWithoutTheOpsScope(Route route, String key) {
        Map<String, List<String>> before = tables();

        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(tables()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterRoutes")
    void shouldLetTheOpsKeyThroughToTheDeadLetterTools(Route route) {
        Reply reply = send(route, ApiKeys.OPS);

        // The topic is empty: its list answers, the one record and its replay are not found, by the tools themselves.
        if (route.path().equals("/admin/dead-letters")) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains(Topics.ROUTES_DECIDED.deadLetterTopic());
        } else {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
            assertThat(reply.json().get("title").asString()).isEqualTo("No such dead letter");
        }
    }

    @Test
    void shouldShowTheApiDescriptionOnlyToTheReader() {
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs/swagger-config")) {
            Reply anonymous = send(new Route("GET", docs, null), null);
            assertThat(anonymous.status()).as(docs + " without a key").isEqualTo(401);
            assertThat(anonymous.contentType()).isEqualTo(PROBLEM_JSON);
            assertThat(send(new Route("GET", docs, null), ApiKeys.UNKNOWN).status()).isEqualTo(401);
            assertThat(send(new Route("GET", docs, null), ApiKeys.METRICS).status()).isEqualTo(403);
            assertThat(send(new Route("GET", docs, null), ApiKeys.OPS).status()).isEqualTo(403);
        }
        assertThat(send(new Route("GET", "/v3/api-docs", null), ApiKeys.READ).status()).isEqualTo(200);
        // No Swagger UI here (a browser cannot send X-API-Key), and no other rendering of the description.
        for (String other : List.of("/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html")) {
            assertThat(send(new Route("GET", other, null), ApiKeys.READ).status()).as(other).isEqualTo(403);
        }
    }

    @Test
    void shouldShowTheBookedTradeToTheReaderWithWhoSubmittedIt() {
        Reply reply = send(new Route("GET", "/api/ledger/trades/{id}", "read"), ApiKeys.READ_NEXT);

        assertThat(reply.json().at("/trade/submittedBy").asString()).isEqualTo(LedgerFixtures.SUBMITTED_BY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void shouldAnswerHealthToAnyone(String path) {
        Reply reply = send(new Route("GET", path, null), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("UP");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /api/ledger/trades", "PUT /api/ledger/trades/{id}", "DELETE /api/ledger/trades/{id}",
            "PATCH /api/ledger/stats", "GET /api/pools", "GET /api/trades", "GET /error", "GET /", "GET /actuator"})
    void shouldDenyWhatNoRuleAllowsEvenToTheReader(String methodAndPath) {
        String[] parts = methodAndPath.split(" ");
        Map<String, List<String>> before = tables();

        Reply reply = send(new Route(parts[0], parts[1], null), ApiKeys.READ);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(tables()).isEqualTo(before);
    }

    /** Spellings the firewall refuses before any filter or handler: 400 "Malformed request path". */
    static Stream<Arguments> ambiguousSpellings() {
        return spelled(PathSpellings.ambiguous("ledger"));
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("ambiguousSpellings")
    void shouldRefuseAnAmbiguousSpellingOfAProtectedPathBeforeAnyHandler(Route route, String spelling,
            UnaryOperator<String> spell) {
        Route spelled = route.spelled(spell, tradeId);

        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isEqualTo(400);
        assertThat(reply.contentType()).as(spelled.path()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("title").asString()).isEqualTo("Malformed request path");
        assertThat(reply.body()).doesNotContain(tradeId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldRefuseAnEncodedNulInAProtectedPathInTheContainerAlready(Route route) {
        Route spelled = route.spelled(path -> path.replaceFirst("(\\?|$)", "%00$1"), tradeId);

        // Tomcat refuses %00 itself (with its own 400 page), before Spring Security's firewall could.
        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain(tradeId);
    }

    /** Spellings that are plain but not the route's: none reaches a handler that answers it. */
    static Stream<Arguments> otherSpellings() {
        return spelled(PathSpellings.plainVariants());
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("otherSpellings")
    void shouldNotLetAnotherSpellingOfAProtectedPathReachItsHandler(Route route, String spelling,
            UnaryOperator<String> spell) {
        Route spelled = route.spelled(spell, tradeId);

        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isIn(401, 403, 404);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain("\"content\"");
    }

    static Stream<Arguments> hostileQueries() {
        return Stream.of(
                Arguments.of("page", "page=" + encoded("1E+99999999")),
                Arguments.of("page", "page=-1"),
                Arguments.of("page", "page=1.5"),
                Arguments.of("page", "page=" + "9".repeat(200)),
                Arguments.of("page", "page=" + encoded(" 1")),
                Arguments.of("page", "page=0x10"),
                Arguments.of("page", "page=10001"),
                Arguments.of("size", "size=0"),
                Arguments.of("size", "size=201"),
                Arguments.of("size", "size=1e2"),
                Arguments.of("route", "route=otc"),
                Arguments.of("route", "route=" + encoded("OTC ")),
                Arguments.of("route", "route=OTC&route=DEX"),
                Arguments.of("status", "status=filled"),
                Arguments.of("pair", "pair=SOL"),
                Arguments.of("pair", "pair=" + encoded("SOL/USDC\u0007")),
                Arguments.of("pair", "pair=" + "S".repeat(5_000) + "/USDC"),
                Arguments.of("from", "from=yesterday"),
                Arguments.of("from", "from=" + encoded("1E+99999999")),
                Arguments.of("from", "from=" + encoded("+100000-01-01T00:00:00Z")),
                Arguments.of("from", "from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z"),
                Arguments.of("to", "to=2024-05-01"),
                Arguments.of("submittedBy", "submittedBy=bob"),
                Arguments.of("submittedBy", "submittedBy=" + encoded("api-key:desk 7")),
                Arguments.of("Route", "Route=OTC"),
                Arguments.of("sort", "sort=" + encoded("decidedAt;drop table trade")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileQueries")
    void shouldRefuseAHostileQueryQuicklyNamingTheParameterAndChangeNothing(String parameter, String query) {
        Map<String, List<String>> before = tables();

        Reply reply = assertTimeout(GENEROUS, () -> send(new Route("GET", "/api/ledger/trades?" + query, "read"),
                ApiKeys.READ));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(reply.json().get("detail").asString()).startsWith(parameter + " ").hasSizeLessThan(300);
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAControlCharacterInAQueryBeforeItReachesTheDatabase() {
        Map<String, List<String>> before = tables();

        Reply reply = assertTimeout(GENEROUS, () -> send(new Route("GET", "/api/ledger/trades?pair=SOL/USDC%00",
                "read"), ApiKeys.READ));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void shouldAnswerALongUnknownTradeIdWithoutEchoingIt() {
        String id = "t".repeat(2_000);

        Reply reply = assertTimeout(GENEROUS, () -> send(new Route("GET", "/api/ledger/trades/" + id, "read"),
                ApiKeys.READ));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("detail").asString()).hasSizeLessThan(100);
    }

    private static Stream<Arguments> spelled(Map<String, UnaryOperator<String>> spellings) {
        List<Arguments> arguments = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            spellings.forEach((name, spell) -> arguments.add(Arguments.of(route, name, spell)));
        }
        return arguments.stream();
    }

    /** The key whose scope the route needs: what stops an odd spelling must be the spelling, not the key. */
    private static String keyFor(Route route) {
        return route.scope().equals("metrics") ? ApiKeys.METRICS : ApiKeys.READ;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(Route route, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + route.path().replace("{id}", tradeId))).timeout(Duration.ofSeconds(30))
                .method(route.method(), BodyPublishers.noBody());
        if (key != null) {
            request.header(ApiKeys.HEADER, key);
        }
        return Reply.send(http, request.build());
    }

    private Map<String, List<String>> tables() {
        return LedgerTables.snapshot(jdbc);
    }
}
