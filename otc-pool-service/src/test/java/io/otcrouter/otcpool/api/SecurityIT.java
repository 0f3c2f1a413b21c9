package io.otcrouter.otcpool.api;

import static io.otcrouter.testsupport.events.TestTokens.JUP;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
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
import org.springframework.jdbc.core.JdbcTemplate;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.Pools;
import io.otcrouter.testsupport.http.PathSpellings;
import io.otcrouter.testsupport.http.Reply;

/**
 * The pool service's trust boundary, attacked: every protected route in odd spellings, with every credential
 * missing, unknown, out of scope or rotated, and with hostile bodies. Whatever is refused is refused with a 4xx
 * {@code application/problem+json} saying what is wrong, within a bound that only a CPU burn could miss, and changes
 * nothing: the pool's row and size tiers, its outbox messages and the number of pools are the same afterwards.
 * Requests go through the JDK's client, which sends a path exactly as written. One pool serves every test: each
 * compares the state before and after its own request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT extends OtcPoolIntegrationTest {

    /** Generous: guards against minutes-long parsing, not a performance test. */
    private static final Duration GENEROUS = Duration.ofSeconds(2);
    private static final String PROBLEM_JSON = "application/problem+json";
    /** An offset no dead-letter topic of these tests reaches. */
    private static final long NO_SUCH_OFFSET = 999_999_999L;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PoolAdmin admin;

    private final HttpClient http = HttpClient.newHttpClient();
    private String poolId;

    @BeforeAll
    void createPool() {
        poolId = Pools.newId(JUP, USDT);
        admin.create(Pools.pool(poolId, JUP, USDT, "100000", "100000", "10", "50000", 10_000), "test-setup");
    }

    /** A protected route: method, path ({@code {id}} for the test's pool), a body it would accept, its scope. */
    record Route(String method, String path, String body, String scope) {

        /** This route at {@code spell(path)}, the pool's id in place. */
        Route spelled(UnaryOperator<String> spell, String poolId) {
            return new Route(method, spell.apply(path.replace("{id}", poolId)), body, scope);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> protectedRoutes() {
        return List.of(
                new Route("GET", "/api/pools", null, "read"),
                new Route("GET", "/api/pools/{id}", null, "read"),
                new Route("POST", "/api/pools", newPool("sec-" + System.nanoTime()), "admin"),
                new Route("PUT", "/api/pools/{id}", "{\"spreadBps\":40}", "admin"),
                new Route("POST", "/api/pools/{id}/activate", null, "admin"),
                new Route("POST", "/api/pools/{id}/deactivate", null, "admin"),
                new Route("POST", "/api/pools/{id}/inventory", "{\"baseDelta\":\"-1\"}", "admin"),
                new Route("GET", "/actuator/prometheus", null, "metrics"),
                new Route("GET", "/actuator/metrics", null, "metrics"),
                new Route("GET", "/actuator/info", null, "metrics"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldAskForACredentialOnEveryProtectedRouteAndChangeNothing(Route route) {
        State before = state();

        Reply reply = send(route, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains(ApiKeys.HEADER));
        assertThat(reply.detail()).contains(ApiKeys.HEADER);
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> wrongKeys() {
        return protectedRoutes().stream().flatMap(route -> Stream.of(ApiKeys.UNKNOWN, "", " ",
                ApiKeys.ADMIN_DIGEST, ApiKeys.ADMIN.toUpperCase(),
                ApiKeys.ADMIN + "x", ApiKeys.ADMIN.substring(1)).map(key -> Arguments.of(route, key)));
    }

    @ParameterizedTest(name = "{0} with key \"{1}\"")
    @MethodSource("wrongKeys")
    void shouldRefuseAKeyItDoesNotKnowWithoutSayingWhy(Route route, String key) {
        State before = state();

        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain(ApiKeys.ADMIN_ID);
        if (!key.isBlank()) {
            assertThat(reply.body()).doesNotContain(key);
        }
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> keysOutOfScope() {
        return protectedRoutes().stream().flatMap(route -> Stream.of(ApiKeys.ADMIN, ApiKeys.READ, ApiKeys.METRICS)
                .filter(key -> !allowed(route, key)).map(key -> Arguments.of(route, key)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("keysOutOfScope")
    void shouldForbidAValidKeyWithoutTheRoutesScopeAndChangeNothing(Route route, String key) {
        State before = state();

        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.detail()).contains(route.method());
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void shouldLetEveryKeyDoWhatItsScopeAllows() {
        for (Route route : protectedRoutes()) {
            for (String key : List.of(ApiKeys.ADMIN, ApiKeys.READ, ApiKeys.METRICS)) {
                if (allowed(route, key)) {
                    Reply reply = send(route, key);
                    assertThat(reply.status()).as("%s with %s", route, key).isBetween(200, 201);
                }
            }
        }
    }

    @Test
    void shouldAcceptBothTheCurrentAndTheNextAdminKeyWhileTheKeyIsRotated() {
        Route deposit = new Route("POST", "/api/pools/{id}/inventory", "{\"baseDelta\":\"1\"}", "admin");
        BigDecimal before = new BigDecimal(send(new Route("GET", "/api/pools/{id}", null, "read"), ApiKeys.READ)
                .json().get("baseInventory").asString());

        Reply withCurrent = send(deposit, ApiKeys.ADMIN);
        Reply withNext = send(deposit, ApiKeys.ADMIN_NEXT);

        assertThat(withCurrent.status()).isEqualTo(200);
        assertThat(withNext.status()).isEqualTo(200);
        assertThat(new BigDecimal(withNext.json().get("baseInventory").asString()))
                .isEqualByComparingTo(before.add(BigDecimal.valueOf(2)));
    }

    /** The dead-letter tools (kafka-support), served under /admin/dead-letters to {@code ops} keys only. */
    static List<Route> deadLetterRoutes() {
        String letter = "/admin/dead-letters/" + Topics.ROUTES_DECIDED.deadLetterTopic() + "/0/" + NO_SUCH_OFFSET;
        return List.of(
                new Route("GET", "/admin/dead-letters", null, "ops"),
                new Route("GET", letter, null, "ops"),
                new Route("POST", letter + "/replay", null, "ops"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterRoutes")
    void shouldAskForACredentialOnTheDeadLetterTools(Route route) {
        Reply reply = send(route, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains(ApiKeys.HEADER));
    }

    static Stream<Arguments> deadLettersWithKeysNotForOperators() {
        return deadLetterRoutes().stream().flatMap(route -> Stream.of(ApiKeys.ADMIN, ApiKeys.ADMIN_NEXT,
                ApiKeys.READ, ApiKeys.METRICS).map(key -> Arguments.of(route, key)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deadLettersWithKeysNotForOperators")
    void shouldForbidTheDeadLetterToolsToEveryKeyButAnOperators(Route route, String key) {
        Reply reply = send(route, key);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.detail()).contains(route.method());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterRoutes")
    void shouldLetAnOperatorsKeyUseTheDeadLetterTools(Route route) {
        Reply reply = send(route, ApiKeys.OPS);

        // Past the security rules: the list, or the tool's own answer that no letter is at that offset.
        if (route.path().equals("/admin/dead-letters")) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains(Topics.QUOTES_REQUESTED.deadLetterTopic(),
                    Topics.ROUTES_DECIDED.deadLetterTopic());
            // The prices are read by the reference-price reader, which skips what it cannot read: no .DLT of theirs.
            assertThat(reply.body()).doesNotContain(Topics.PRICES_UPDATED.deadLetterTopic());
        } else {
            assertThat(reply.status()).as(route.toString()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        }
    }

    @Test
    void shouldNotLetAnOperatorsKeyAtThePools() {
        for (Route route : protectedRoutes()) {
            assertThat(send(route, ApiKeys.OPS).status()).as(route.toString()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void shouldAnswerHealthToAnyone(String path) {
        Reply reply = send(new Route("GET", path, null, null), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("UP");
    }

    static Stream<Route> unlistedRoutes() {
        return Stream.of(new Route("DELETE", "/api/pools/{id}", null, null),
                new Route("PATCH", "/api/pools/{id}", "{\"spreadBps\":40}", null),
                new Route("GET", "/api/pools/{id}/inventory", null, null),
                new Route("POST", "/api/pools/{id}", "{\"spreadBps\":40}", null),
                new Route("POST", "/api/pools/{id}/activate/now", null, null),
                new Route("PUT", "/api/pools", "{}", null),
                new Route("GET", "/api/prices", null, null),
                new Route("GET", "/error", null, null),
                new Route("GET", "/", null, null),
                new Route("GET", "/actuator", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unlistedRoutes")
    void shouldDenyWhatNoRuleAllowsEvenToTheAdmin(Route route) {
        State before = state();

        Reply reply = send(route, ApiKeys.ADMIN);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(state()).isEqualTo(before);
    }

    /** Spellings the firewall refuses before any filter or handler: 400 "Malformed request path". */
    static Stream<Arguments> ambiguousSpellings() {
        return spelled(PathSpellings.ambiguous("pools"));
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("ambiguousSpellings")
    void shouldRefuseAnAmbiguousSpellingOfAProtectedPathBeforeAnyHandler(Route route, String spelling,
            UnaryOperator<String> spell) {
        Route spelled = route.spelled(spell, poolId);
        State before = state();

        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isEqualTo(400);
        assertThat(reply.contentType()).as(spelled.path()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("title").asString()).isEqualTo("Malformed request path");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void shouldRefuseAnEncodedNulInAProtectedPathInTheContainerAlready(Route route) {
        Route spelled = route.spelled(path -> path + "%00", poolId);
        State before = state();

        // Tomcat refuses %00 itself (with its own 400 page), before Spring Security's firewall could.
        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isEqualTo(400);
        assertThat(state()).isEqualTo(before);
    }

    /** Spellings that are plain but not the route's: no rule names them, so deny by default answers. */
    static Stream<Arguments> otherSpellings() {
        return spelled(PathSpellings.plainVariants());
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("otherSpellings")
    void shouldNotLetAnotherSpellingOfAProtectedPathReachItsHandler(Route route, String spelling,
            UnaryOperator<String> spell) {
        Route spelled = route.spelled(spell, poolId);
        State before = state();

        Reply reply = send(spelled, keyFor(route));

        assertThat(reply.status()).as(spelled.path()).isIn(401, 403, 404);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> hostileBodies() {
        String inventory = "/api/pools/{id}/inventory";
        String terms = "/api/pools/{id}";
        return Stream.of(
                hostile("huge exponent", "POST", inventory, "{\"baseDelta\":\"1E+99999999\"}", 400, "baseDelta"),
                hostile("huge negative exponent", "POST", inventory, "{\"quoteDelta\":\"-1e-99999999\"}", 400,
                        "quoteDelta"),
                hostile("huge exponent as a number", "POST", inventory, "{\"baseDelta\":1E+99999999}", 400,
                        "baseDelta"),
                hostile("200 digits", "POST", inventory, "{\"baseDelta\":\"" + "9".repeat(200) + "\"}", 400,
                        "baseDelta"),
                hostile("200 digits as a number", "POST", inventory, "{\"baseDelta\":" + "9".repeat(200) + "}", 400,
                        "a number longer than 64 characters"),
                hostile("more decimals than the token", "POST", inventory, "{\"quoteDelta\":\"1.0000001\"}", 400,
                        "quoteDelta"),
                hostile("a control character in an amount", "POST", inventory, "{\"baseDelta\":\"1\\u0000\"}", 400,
                        "baseDelta"),
                hostile("a padded amount", "POST", inventory, "{\"baseDelta\":\" 1\"}", 400, "baseDelta"),
                hostile("a number where a string belongs", "POST", inventory, "{\"baseDelta\":1}", 400, "baseDelta"),
                hostile("an unknown field", "POST", inventory, "{\"baseDelta\":\"1\",\"owner\":\"me\"}", 400,
                        "owner"),
                hostile("a field given twice", "POST", inventory, "{\"baseDelta\":\"1\",\"baseDelta\":\"2\"}", 400,
                        "baseDelta"),
                hostile("trailing content", "POST", inventory, "{\"baseDelta\":\"1\"} {}", 400, "body"),
                hostile("an array for a body", "POST", inventory, "[{\"baseDelta\":\"1\"}]", 400, "body"),
                hostile("no change", "POST", inventory, "{}", 400, "baseDelta"),
                hostile("no body", "POST", inventory, "", 400, "body"),
                hostile("malformed JSON", "POST", inventory, "{\"baseDelta\":", 400, "not valid JSON"),
                hostile("JSON nested 40 deep", "POST", inventory, "{\"baseDelta\":" + "[".repeat(40)
                        + "]".repeat(40) + "}", 400, "baseDelta"),
                hostile("JSON nested 10,000 deep", "POST", inventory, "{\"baseDelta\":" + "[".repeat(10_000)
                        + "]".repeat(10_000) + "}", 413, "bytes"),
                hostile("a body over the limit", "POST", inventory, "{\"baseDelta\":\"" + "1".repeat(20_000)
                        + "\"}", 413, "bytes"),
                hostile("a fraction where a whole number belongs", "PUT", terms, "{\"spreadBps\":1.5}", 400,
                        "spreadBps"),
                hostile("a string where a number belongs", "PUT", terms, "{\"spreadBps\":\"40\"}", 400,
                        "spreadBps"),
                hostile("a number out of range", "PUT", terms, "{\"quoteTtlMs\":10000000000}", 400, "quoteTtlMs"),
                hostile("an exponent in a size limit", "PUT", terms, "{\"maxTradeBase\":\"5e4\"}", 400,
                        "maxTradeBase"),
                hostile("a null size tier", "PUT", terms, "{\"sizeTiers\":[null]}", 400, "sizeTiers[0]"),
                hostile("an unknown field in a size tier", "PUT", terms,
                        "{\"sizeTiers\":[{\"minTradeBase\":\"0\",\"addBps\":0,\"x\":1}]}", 400, "sizeTiers[0].x"),
                hostile("a string for a list", "PUT", terms, "{\"sizeTiers\":\"0:0\"}", 400, "sizeTiers"),
                hostile("a JSON null body", "PUT", terms, "null", 400, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void shouldRefuseAHostileBodyQuicklyNamingWhatIsWrongAndChangeNothing(String why, Route route, int status,
            String named) {
        State before = state();

        Reply reply = assertTimeout(GENEROUS, () -> send(route, ApiKeys.ADMIN));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.detail()).contains(named);
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> hostileNewPools() {
        return Stream.of(
                hostileNewPool("huge exponent", "baseInventory", "\"1E+99999999\""),
                hostileNewPool("200 digits", "quoteInventory", "\"" + "1".repeat(200) + "\""),
                hostileNewPool("a lower-case symbol", "baseSymbol", "\"jup\""),
                hostileNewPool("a padded symbol", "baseSymbol", "\" JUP\""),
                hostileNewPool("a NUL after the symbol", "quoteSymbol", "\"USDT\\u0000\""),
                hostileNewPool("a number for a symbol", "quoteSymbol", "42"),
                hostileNewPool("a NUL in the id", "id", "\"jup-usdt-nul\\u0000\""),
                hostileNewPool("an upper-case id", "id", "\"JUP-USDT-UPPER\""),
                hostileNewPool("a 10,000-character id", "id", "\"" + "a".repeat(10_000) + "\""),
                hostileNewPool("a string for a flag", "active", "\"true\""),
                hostileNewPool("a number for a flag", "active", "1"),
                hostileNewPool("a fraction for bps", "spreadBps", "1.5"),
                hostileNewPool("a string for bps", "spreadBps", "\"30\""),
                hostileNewPool("a number for an amount", "minTradeBase", "10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNewPools")
    void shouldCreateNoPoolFromAHostileDefinition(String why, String field, String value) {
        String id = Pools.newId(JUP, USDT);
        String body = newPool(id).replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]+)",
                Matcher.quoteReplacement("\"" + field + "\":" + value));
        assertThat(body).as("the field to replace").contains("\"" + field + "\":" + value);
        State before = state();

        Reply reply = assertTimeout(GENEROUS, () -> send(new Route("POST", "/api/pools", body, "admin"),
                ApiKeys.ADMIN));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.detail()).contains(field);
        assertThat(state()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from otc_pool.pool where id = ?", Integer.class, id))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"upper", "padded"})
    void shouldMatchAPoolIdInThePathExactlyAsSpelled(String how) {
        String spelled = how.equals("upper") ? poolId.toUpperCase() : poolId + "-";
        State before = state();

        Reply reply = send(new Route("POST", "/api/pools/" + spelled + "/inventory", "{\"baseDelta\":\"1\"}",
                "admin"), ApiKeys.ADMIN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(state()).isEqualTo(before);
    }

    private static Stream<Arguments> spelled(Map<String, UnaryOperator<String>> spellings) {
        List<Arguments> arguments = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            spellings.forEach((name, spell) -> arguments.add(Arguments.of(route, name, spell)));
        }
        return arguments.stream();
    }

    private static Arguments hostile(String why, String method, String path, String body, int status,
            String named) {
        return Arguments.of(why, new Route(method, path, body, "admin"), status, named);
    }

    private static Arguments hostileNewPool(String why, String field, String value) {
        return Arguments.of(why, field, value);
    }

    private static boolean allowed(Route route, String key) {
        return switch (route.scope()) {
            case "read" -> key.equals(ApiKeys.READ) || key.equals(ApiKeys.ADMIN);
            case "admin" -> key.equals(ApiKeys.ADMIN);
            case "metrics" -> key.equals(ApiKeys.METRICS);
            default -> false;
        };
    }

    /** The key whose scope the route needs: what stops an odd spelling must be the spelling, not the key. */
    private static String keyFor(Route route) {
        return route.scope().equals("metrics") ? ApiKeys.METRICS : ApiKeys.ADMIN;
    }

    @Test
    void shouldShowTheApiDescriptionOnlyToKeysThatMayUseTheApi() {
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs/swagger-config")) {
            Reply anonymous = send(new Route("GET", docs, null, null), null);
            assertThat(anonymous.status()).as(docs + " without a key").isEqualTo(401);
            assertThat(anonymous.contentType()).isEqualTo(PROBLEM_JSON);
            assertThat(send(new Route("GET", docs, null, null), ApiKeys.UNKNOWN).status()).isEqualTo(401);
            assertThat(send(new Route("GET", docs, null, null), ApiKeys.METRICS).status()).isEqualTo(403);
            assertThat(send(new Route("GET", docs, null, null), ApiKeys.OPS).status()).isEqualTo(403);
        }
        for (String key : List.of(ApiKeys.READ, ApiKeys.ADMIN)) {
            assertThat(send(new Route("GET", "/v3/api-docs", null, null), key).status()).isEqualTo(200);
        }
        // No Swagger UI here (a browser cannot send X-API-Key), and no other rendering of the description.
        for (String other : List.of("/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html")) {
            assertThat(send(new Route("GET", other, null, null), ApiKeys.ADMIN).status()).as(other).isEqualTo(403);
        }
    }

    private static String newPool(String id) {
        // The size tiers last: a test replaces the first "minTradeBase" to be found, the pool's own.
        return """
                {"id":"%s","baseSymbol":"JUP","quoteSymbol":"USDT","baseInventory":"100000",\
                "quoteInventory":"100000","active":true,"spreadBps":30,"priceOffsetBps":0,"minTradeBase":"10",\
                "maxTradeBase":"50000","quoteTtlMs":10000,"execDelayMinMs":0,"execDelayMaxMs":0,\
                "sizeTiers":[{"minTradeBase":"0","addBps":0}]}""".formatted(id);
    }

    private Reply send(Route route, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + route.path().replace("{id}", poolId))).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header(ApiKeys.HEADER, key);
        }
        if (route.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(route.method(), route.body() == null ? BodyPublishers.noBody()
                : BodyPublishers.ofString(route.body()));
        return Reply.send(http, request.build());
    }

    /** What a refused request could have changed: the pool's row and tiers, its outbox messages, the pools. */
    private State state() {
        return new State(jdbc.queryForObject("select to_jsonb(p)::text from otc_pool.pool p where id = ?",
                String.class, poolId),
                jdbc.queryForList("select min_trade_base || ':' || add_bps from otc_pool.pool_size_tier"
                        + " where pool_id = ? order by min_trade_base", String.class, poolId),
                jdbc.queryForObject("select count(*) from otc_pool.outbox where message_key = ?", Long.class,
                        poolId),
                jdbc.queryForObject("select count(*) from otc_pool.pool", Long.class));
    }

    private record State(String pool, List<String> tiers, long outboxMessages, long pools) {
    }
}
