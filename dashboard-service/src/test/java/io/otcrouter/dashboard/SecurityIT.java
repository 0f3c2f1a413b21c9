package io.otcrouter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.otcrouter.dashboard.RecordingEndpoint.Answer;
import io.otcrouter.dashboard.RecordingEndpoint.Recorded;
import io.otcrouter.dashboard.TestUsers.TestUser;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * The dashboard's trust boundary, attacked from outside: nobody who is not signed in gets past the sign-in page or a
 * 401, scripts may read with HTTP Basic but change nothing, a role gets only what it allows, no change goes through without the page's CSRF token or from another origin,
 * ambiguous path spellings never reach a handler, every page carries the security headers, hostile bodies are
 * refused quickly without anything being forwarded, and the router learns the signed-in user's name. router-service
 * and otc-pool-service are in-test endpoints that record what reaches them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                "otc.router.api-key=" + SecurityIT.ROUTER_KEY, "otc.pool.api-key=" + SecurityIT.POOL_KEY,
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1)
class SecurityIT {

    static final String ROUTER_KEY = "test-dashboard-router-key-1";
    static final String POOL_KEY = "test-dashboard-pool-key-1";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none';"
            + " form-action 'self'; base-uri 'none'; object-src 'none'";
    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"sec-1"}""";
    private static final String DECIDED = """
            {"tradeId":"trade-sec-1","status":"DECIDED","clientOrderId":"sec-1","inputToken":"SOL",
             "outputToken":"USDC","amount":"1000","route":"DEX","expectedOutput":"149249.5",
             "dexBaselineOutput":"149249.5","expectedSaving":"0","dexQuoteSource":"SIMULATED",
             "legs":[{"legId":"leg-1","venue":"DEX","poolId":null,"amountIn":"1000","expectedOutput":"149249.5",
                      "minOutput":"148503.25"}],
             "candidates":[{"label":"DEX","route":"DEX","available":true,"output":"149249.5","reason":null}],
             "reason":"Jupiter alone returns the most"}""";
    private static final List<String> PAGES = List.of("/", "/trade", "/analytics", "/pools", "/history",
            "/trades/trade-sec-1", "/admin/pools");
    private static final List<String> READ_API = List.of("/api/stats", "/api/trades", "/api/trades/trade-sec-1",
            "/api/prices", "/api/pools", "/api/analytics", "/api/tokens", "/api/stream");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=");
    private static final Duration GENEROUS = Duration.ofSeconds(2);

    private static final RecordingEndpoint ROUTER = RecordingEndpoint.start();
    private static final RecordingEndpoint POOLS = RecordingEndpoint.start();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("otc.router.url", ROUTER::url);
        registry.add("otc.pool.url", POOLS::url);
    }

    @AfterAll
    static void stopUpstreams() {
        ROUTER.close();
        POOLS.close();
    }

    @LocalServerPort
    private int port;
    @TempDir
    private Path userDataDir;

    @BeforeEach
    void setUp() {
        ROUTER.clear();
        POOLS.clear();
        ROUTER.answer(new Answer(201, "application/json", DECIDED));
        POOLS.answer(new Answer(200, "application/json", "{\"id\":\"sol-usdc-main\",\"status\":\"INACTIVE\"}"));
    }

    @Test
    void shouldSendEveryPageToTheSignInPageWhenNobodyIsSignedIn() {
        for (String page : PAGES) {
            HttpResponse<String> response = anonymous("GET", page, null, Map.of("Accept", "text/html"));

            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
        }
        HttpResponse<String> script = anonymous("GET", "/js/trade.js", null, Map.of());
        assertThat(script.statusCode()).as("the pages' scripts are for signed-in people").isEqualTo(302);
        HttpResponse<String> loginPage = anonymous("GET", "/login", null, Map.of());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("id=\"username\"").contains("id=\"password\"").contains("name=\"_csrf\"");
    }

    @Test
    void shouldAnswerEveryApiRouteWithA401ProblemWhenNobodyIsSignedIn() {
        for (String path : concat(READ_API, List.of("/api/quote?inputToken=SOL&outputToken=USDC&amount=1",
                "/actuator/prometheus", "/actuator/metrics", "/actuator/env"))) {
            HttpResponse<String> response = anonymous("GET", path, null, Map.of("Accept", "text/html"));

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Location")).as(path + ": no redirect").isEmpty();
            assertThat(response.body()).as(path).contains("Sign-in required");
        }
        for (String path : List.of("/api/trades", "/api/admin/pools/sol-usdc-main/deactivate",
                "/api/admin/pools/sol-usdc-main/inventory")) {
            HttpResponse<String> response = anonymous("POST", path, "{\"baseDelta\":\"-1\"}",
                    Map.of("Content-Type", "application/json"));

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(ROUTER.requests()).isEmpty();
        assertThat(POOLS.requests()).isEmpty();
    }

    @Test
    void shouldKeepTheHealthProbesOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(anonymous("GET", path, null, Map.of()).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldLetAViewerSeeEverythingButNeitherQuoteNorTradeNorAdministerPools() {
        DashboardSession viewer = DashboardSession.signIn(port, TestUsers.VIEWER);

        for (String path : concat(List.of("/", "/trade", "/analytics", "/pools"), List.of("/api/stats",
                "/api/trades", "/api/prices", "/api/pools", "/api/analytics", "/api/tokens", "/js/common.js"))) {
            assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> trade = viewer.post("/api/trades", TRADE);
        HttpResponse<String> quote = viewer.get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1");
        HttpResponse<String> adminPage = viewer.get("/admin/pools");
        HttpResponse<String> deactivate = viewer.post("/api/admin/pools/sol-usdc-main/deactivate", "");

        for (HttpResponse<String> refused : List.of(trade, quote, adminPage, deactivate)) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("Not allowed").contains("role");
        }
        assertThat(viewer.get("/trade").body()).as("the trade form says why its buttons are off")
                .contains("id=\"trade-not-allowed\"");
        assertThat(ROUTER.requests()).isEmpty();
        assertThat(POOLS.requests()).isEmpty();
    }

    @Test
    void shouldNotLetATraderAdministerPools() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);

        assertThat(trader.get("/admin/pools").statusCode()).isEqualTo(403);
        for (String action : List.of("activate", "deactivate", "inventory")) {
            HttpResponse<String> response = trader.post("/api/admin/pools/sol-usdc-main/" + action,
                    "{\"baseDelta\":\"-1\"}");
            assertThat(response.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(trader.get("/").body()).as("no admin link for a trader").doesNotContain("/admin/pools");
        assertThat(POOLS.requests()).isEmpty();
    }

    @Test
    void shouldRefuseAChangeWithoutTheCsrfTokenOfTheSession() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);
        DashboardSession otherTrader = DashboardSession.signIn(port, TestUsers.TRADER);

        HttpResponse<String> none = DashboardSession.send(trader.request("/api/trades")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TRADE)));
        HttpResponse<String> wrong = DashboardSession.send(trader.request("/api/trades")
                .header("Content-Type", "application/json").header(trader.csrfHeader(), "not-the-token")
                .POST(HttpRequest.BodyPublishers.ofString(TRADE)));
        HttpResponse<String> anotherSessions = DashboardSession.send(trader.request("/api/trades")
                .header("Content-Type", "application/json").header(trader.csrfHeader(), otherTrader.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(TRADE)));
        HttpResponse<String> signOut = DashboardSession.send(trader.request("/logout")
                .POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> refused : List.of(none, wrong, anotherSessions, signOut)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("CSRF token missing or invalid");
        }
        assertThat(trader.get("/api/stats").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(ROUTER.requests()).isEmpty();
        assertThat(trader.post("/api/trades", TRADE).statusCode()).as("with the token it goes through")
                .isEqualTo(201);
    }

    @Test
    void shouldRefuseAChangeFromAnotherOriginOrSiteEvenWithTheToken() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);

        for (Map<String, String> foreign : List.of(Map.of("Origin", "http://evil.example"),
                Map.of("Origin", "http://localhost:" + (port + 1)), Map.of("Origin", "https://localhost:" + port),
                Map.of("Origin", "null"), Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "cross-site"))) {
            HttpRequest.Builder request = trader.request("/api/trades").header("Content-Type", "application/json")
                    .header(trader.csrfHeader(), trader.csrfToken()).POST(HttpRequest.BodyPublishers.ofString(TRADE));
            foreign.forEach(request::header);

            HttpResponse<String> response = DashboardSession.send(request);

            assertThat(response.statusCode()).as(foreign.toString()).isEqualTo(403);
            assertThat(response.body()).as(foreign.toString()).contains("Cross-site request refused");
        }
        HttpResponse<String> signIn = anonymous("POST", "/login", "username=tom.trader&password=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "http://evil.example"));
        assertThat(signIn.statusCode()).as("a forged sign-in as well").isEqualTo(403);
        assertThat(ROUTER.requests()).isEmpty();

        HttpResponse<String> own = DashboardSession.send(trader.request("/api/trades")
                .header("Content-Type", "application/json").header(trader.csrfHeader(), trader.csrfToken())
                .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(TRADE)));
        assertThat(own.statusCode()).as("the dashboard's own page").isEqualTo(201);
    }

    @Test
    void shouldShowTheApiDescriptionAndSwaggerUiOnlyToSomeoneSignedIn() {
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs/swagger-config")) {
            HttpResponse<String> refused = anonymous("GET", docs, null, Map.of());
            assertThat(refused.statusCode()).as(docs).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> swaggerUi = anonymous("GET", "/swagger-ui/index.html", null,
                Map.of("Accept", "text/html"));
        assertThat(swaggerUi.statusCode()).isEqualTo(302);
        assertThat(swaggerUi.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));

        String viewer = basic(TestUsers.VIEWER.name(), TestUsers.VIEWER.password());
        HttpResponse<String> description = DashboardSession.send(request("/v3/api-docs")
                .header("Authorization", viewer));
        HttpResponse<String> page = DashboardSession.send(request("/swagger-ui/index.html")
                .header("Authorization", viewer));
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CONTENT_SECURITY_POLICY);
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("Swagger UI's page runs under the strict CSP")
                .isFalse();
        assertThat(DashboardSession.send(request("/v3/api-docs.yaml").header("Authorization", viewer)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldLetScriptsReadWithHttpBasicButNeverChangeAnything() {
        HttpResponse<String> stats = DashboardSession.send(request("/api/stats")
                .header("Authorization", basic(TestUsers.VIEWER.name(), TestUsers.VIEWER.password())));
        HttpResponse<String> metrics = DashboardSession.send(request("/actuator/prometheus")
                .header("Authorization", basic(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())));
        HttpResponse<String> wrongPassword = DashboardSession.send(request("/api/stats")
                .header("Authorization", basic(TestUsers.VIEWER.name(), "wrong-password")));
        HttpResponse<String> trade = DashboardSession.send(request("/api/trades")
                .header("Authorization", basic(TestUsers.TRADER.name(), TestUsers.TRADER.password()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TRADE)));

        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.headers().allValues("Set-Cookie")).as("no session for a script").isEmpty();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate"))
                .as("no Basic challenge: a browser would open its own password dialog")
                .hasValueSatisfying(challenge -> assertThat(challenge).doesNotStartWith("Basic"));
        assertThat(trade.statusCode()).as("a change needs a page's CSRF token").isIn(401, 403);
        assertThat(ROUTER.requests()).isEmpty();
    }

    @Test
    void shouldSetTheSessionCookieHttpOnlyAndSameSiteLaxAndRenewItAtSignIn() {
        SignInAttempt attempt = signInWith(TestUsers.ADMIN.name(), TestUsers.ADMIN.password());
        String signedInCookie = setCookie(attempt.response());

        assertThat(attempt.response().statusCode()).isEqualTo(302);
        for (String cookie : List.of(attempt.anonymousSetCookie(), signedInCookie)) {
            assertThat(cookie).startsWith("JSESSIONID=").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                    .as("Secure only where configured for TLS").doesNotContain("Secure");
        }
        assertThat(nameAndValue(signedInCookie)).as("a new session id once signed in (no session fixation)")
                .isNotEqualTo(nameAndValue(attempt.anonymousSetCookie()));
    }

    @Test
    void shouldRefuseAWrongPasswordOrAnUnknownUser() {
        for (String[] credentials : List.of(new String[] {TestUsers.TRADER.name(), "wrong-password"},
                new String[] {"nobody", TestUsers.TRADER.password()})) {
            SignInAttempt attempt = signInWith(credentials[0], credentials[1]);

            assertThat(attempt.response().statusCode()).isEqualTo(302);
            assertThat(attempt.response().headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
            HttpResponse<String> afterwards = DashboardSession.send(request("/api/stats")
                    .header("Cookie", nameAndValue(attempt.anonymousSetCookie())));
            assertThat(afterwards.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldSignOutOnlyWithAPostCarryingTheTokenAndEndTheSession() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);

        assertThat(trader.get("/logout").statusCode()).as("a link cannot sign anyone out").isEqualTo(403);
        assertThat(trader.get("/api/stats").statusCode()).isEqualTo(200);
        HttpResponse<String> signOut = DashboardSession.send(trader.request("/logout")
                .setHeader("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(trader.csrfToken()))));

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(trader.get("/api/stats").statusCode()).as("the session is over").isEqualTo(401);
    }

    @Test
    void shouldSendTheSecurityHeadersWithEveryPageAndNoInlineScriptOrStyle() {
        DashboardSession admin = DashboardSession.signIn(port, TestUsers.ADMIN);

        for (String page : concat(PAGES, List.of("/login"))) {
            HttpResponse<String> response = admin.get(page);

            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
            assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as(page + " has an inline script").isFalse();
            assertThat(INLINE_STYLE.matcher(response.body()).find()).as(page + " has an inline style or handler")
                    .isFalse();
        }
        assertThat(admin.get("/").body()).as("the admin's navigation").contains("href=\"/admin/pools\"")
                .contains(TestUsers.ADMIN.name());
    }

    @Test
    void shouldRefuseAmbiguousPathSpellingsBeforeAnyHandler() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);

        for (String path : List.of("/api;x=1/trades", "/%61pi/trades", "//api/trades", "/api/./trades",
                "/api/../api/trades", "/api/trades;jsessionid=x")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = DashboardSession.send(trader.request(path)
                        .header("Content-Type", "application/json").header(trader.csrfHeader(), trader.csrfToken())
                        .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? TRADE : "")));

                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).as(method + " " + path)
                        .hasValue("application/problem+json");
            }
        }
        for (String path : List.of("/api/trades/", "/API/trades", "/Api/Trades", "/api/admin/pools/sol-usdc-main/activate/")) {
            HttpResponse<String> response = trader.post(path, TRADE);
            assertThat(response.statusCode()).as("POST " + path).isBetween(400, 499);
        }
        DashboardSession admin = DashboardSession.signIn(port, TestUsers.ADMIN);
        for (String path : List.of("/error", "/nothing-here", "/api/nothing", "/static/js/common.js")) {
            assertThat(admin.get(path).statusCode()).as("deny by default: " + path).isEqualTo(403);
        }
        assertThat(ROUTER.requests()).isEmpty();
    }

    @Test
    void shouldNameTheSignedInUserToTheRouterWhateverTheBrowserClaims() {
        for (TestUser user : List.of(TestUsers.TRADER, TestUsers.ADMIN)) {
            DashboardSession session = DashboardSession.signIn(port, user);
            HttpResponse<String> response = DashboardSession.send(session.request("/api/trades")
                    .header("Content-Type", "application/json").header(session.csrfHeader(), session.csrfToken())
                    .header("X-On-Behalf-Of", "somebody-else").header("X-API-Key", "a-key-of-the-browser")
                    .POST(HttpRequest.BodyPublishers.ofString(TRADE)));
            assertThat(response.statusCode()).isEqualTo(201);
        }

        List<Recorded> forwarded = ROUTER.requests();
        assertThat(forwarded).extracting(r -> r.header("X-On-Behalf-Of"))
                .containsExactly(TestUsers.TRADER.name(), TestUsers.ADMIN.name());
        assertThat(forwarded).extracting(r -> r.header("X-API-Key")).containsOnly(ROUTER_KEY);
    }

    @Test
    void shouldRefuseHostileTradeBodiesQuicklyAndForwardNothing() {
        DashboardSession trader = DashboardSession.signIn(port, TestUsers.TRADER);
        List<Hostile> bodies = List.of(
                new Hostile(tradeWith("\"amount\":\"1E+99999999\""), "amount"),
                new Hostile(tradeWith("\"amount\":\"" + "9".repeat(200) + "\""), "amount"),
                new Hostile(tradeWith("\"amount\":" + "9".repeat(200)), "JSON limits"),
                new Hostile(tradeWith("\"amount\":1000"), "amount"),
                new Hostile(tradeWith("\"outputToken\":\"usdc\\u0000\""), "outputToken"),
                new Hostile(tradeWith("\"clientOrderId\":\"desk\\u0007\""), "clientOrderId"),
                new Hostile(tradeWith("\"clientOrderId\":42"), "clientOrderId"),
                new Hostile(tradeWith("\"slippageBps\":1.5"), "slippageBps"),
                new Hostile(tradeWith("\"slippageBps\":\"50\""), "slippageBps"),
                new Hostile(tradeWith("\"extra\":true"), "Unknown field 'extra'"),
                new Hostile(tradeWith("\"amount\":\"1\",\"amount\":\"2\""), "repeats a field"),
                new Hostile(TRADE + " {}", "documented shape"),
                new Hostile(tradeWith("\"clientOrderId\":" + "[".repeat(5_000) + "]".repeat(5_000)), "clientOrderId"));

        for (Hostile hostile : bodies) {
            HttpResponse<String> response = assertTimeout(GENEROUS, () -> trader.post("/api/trades", hostile.body()));

            assertThat(response.statusCode()).as(hostile.named()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(hostile.named())
                    .hasValue("application/problem+json");
            assertThat(response.body()).as(hostile.named()).contains(hostile.named());
        }
        HttpResponse<String> deep = assertTimeout(GENEROUS, () -> trader.post("/api/trades",
                "[".repeat(10_000) + "]".repeat(10_000)));
        HttpResponse<String> overLimit = assertTimeout(GENEROUS, () -> trader.post("/api/trades",
                tradeWith("\"clientOrderId\":\"" + "x".repeat(20_000) + "\"")));
        for (HttpResponse<String> tooLarge : List.of(deep, overLimit)) {
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> exponentInQuery = assertTimeout(GENEROUS, () -> trader.get(
                "/api/quote?inputToken=SOL&outputToken=USDC&amount=1E%2B99999999"));
        assertThat(exponentInQuery.statusCode()).isEqualTo(400);
        assertThat(exponentInQuery.body()).contains("amount");
        assertThat(ROUTER.requests()).isEmpty();
    }

    @Test
    void shouldRefuseHostileInventoryChangesAndPoolIdsQuicklyAndForwardNothing() {
        DashboardSession admin = DashboardSession.signIn(port, TestUsers.ADMIN);
        String inventory = "/api/admin/pools/sol-usdc-main/inventory";
        List<Hostile> requests = List.of(
                new Hostile(inventory, "{\"baseDelta\":\"1E+99999999\"}", "baseDelta"),
                new Hostile(inventory, "{\"baseDelta\":\"-" + "1".repeat(200) + "\"}", "baseDelta"),
                new Hostile(inventory, "{\"quoteDelta\":-1}", "quoteDelta"),
                new Hostile(inventory, "{}", "baseDelta"),
                new Hostile(inventory, "{\"baseDelta\":\"1\",\"poolId\":\"other\"}", "Unknown field 'poolId'"),
                new Hostile("/api/admin/pools/SOL_MAIN/deactivate", "", "poolId"),
                new Hostile("/api/admin/pools/" + "p".repeat(65) + "/activate", "", "poolId"));

        for (Hostile hostile : requests) {
            HttpResponse<String> response = assertTimeout(GENEROUS, () -> admin.post(hostile.path(), hostile.body()));

            assertThat(response.statusCode()).as(hostile.path() + " " + hostile.named()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).as(hostile.path()).contains(hostile.named());
        }
        assertThat(POOLS.requests()).isEmpty();
    }

    @Test
    void shouldShowTheApiDescriptionInSwaggerUiToASignedInViewerUnderTheStrictPolicy() {
        Chromium.require();
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
            BrowserSignIn.signIn(browser, TestUsers.VIEWER);
            browser.open("/swagger-ui.html");

            browser.until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() >= 8);
            assertThat(browser.driver().findElements(By.cssSelector(".opblock-summary-path")))
                    .extracting(WebElement::getText)
                    .contains("/api/stats", "/api/trades", "/api/admin/pools/{poolId}/inventory");
            // Swagger UI's bundle (5.32) adds one inline <style> element, which the policy refuses (the console
            // error and the violation report below); the page renders and works without it. Nothing else may fail.
            assertThat(browser.pageFailures()).as("what Swagger UI did wrong").allSatisfy(failure ->
                    assertThat(failure).contains("swagger-ui-bundle.js")
                            .containsAnyOf("Applying inline style violates", "style-src-elem"));
            browser.screenshot("swagger-ui");
        }
    }

    @Test
    void shouldLetASignedInTraderTradeInTheBrowserWithoutAnyPageFailure() {
        Chromium.require();
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
            browser.open("/trade");
            assertThat(browser.driver().getCurrentUrl()).as("sent to sign in first").contains("/login");
            assertThat(browser.pageFailures()).as("on the sign-in page").isEmpty();
            BrowserSignIn.signIn(browser, TestUsers.TRADER);
            browser.open("/trade");
            assertThat(browser.driver().findElement(By.id("signed-in-user")).getText())
                    .isEqualTo(TestUsers.TRADER.name());
            assertThat(browser.driver().findElements(By.id("nav-pool-admin"))).as("no admin link").isEmpty();
            browser.until(d -> !d.findElements(By.cssSelector("#input-token option")).isEmpty());
            browser.driver().findElement(By.id("amount")).sendKeys("1000");
            browser.driver().findElement(By.id("client-order-id")).sendKeys("sec-1");
            browser.driver().findElement(By.id("execute-button")).click();

            WebElement result = browser.driver().findElement(By.id("trade-result"));
            browser.until(d -> result.isDisplayed());
            assertThat(result.getText()).contains("Trade accepted: DEX").contains("trade-sec-1");
            assertThat(browser.pageFailures()).as("what the page did wrong").isEmpty();
            browser.screenshot("trade-signed-in");

            // The check above can fail: a style attribute added to the page is a violation, and blocked.
            browser.js("document.getElementById('trade-result').insertAdjacentHTML('beforeend',"
                    + " '<span id=\"inline-style\" style=\"color: red\">inline</span>');");
            browser.until(d -> browser.pageFailures().stream()
                    .anyMatch(failure -> failure.startsWith("content security policy: style-src-attr blocked")));
            assertThat(browser.js("return getComputedStyle(document.getElementById('inline-style')).color;"))
                    .as("the style was not applied").isNotEqualTo("rgb(255, 0, 0)");

            browser.driver().findElement(By.id("sign-out")).click();
            browser.until(d -> d.getCurrentUrl().contains("/login?logout"));
        }
        Recorded forwarded = ROUTER.requests().get(0);
        assertThat(forwarded.header("X-On-Behalf-Of")).isEqualTo(TestUsers.TRADER.name());
        assertThat(forwarded.body()).contains("\"clientOrderId\":\"sec-1\"");
    }

    /** A hostile request and what its 400 answer must name. */
    private record Hostile(String path, String body, String named) {
        Hostile(String body, String named) {
            this("/api/trades", body, named);
        }
    }

    /** A trade body with {@code fields} next to a valid input token; what the router would miss is never reached. */
    private static String tradeWith(String fields) {
        return "{\"inputToken\":\"SOL\"," + fields + "}";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> anonymous(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return DashboardSession.send(request);
    }

    /** The sign-in form of a fresh visit, posted with the given name and password. */
    private SignInAttempt signInWith(String name, String password) {
        HttpResponse<String> loginPage = anonymous("GET", "/login", null, Map.of());
        String anonymousSetCookie = setCookie(loginPage);
        String token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body()).results()
                .findFirst().orElseThrow().group(1);
        HttpResponse<String> response = DashboardSession.send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", nameAndValue(anonymousSetCookie))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(name) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token))));
        return new SignInAttempt(anonymousSetCookie, response);
    }

    /** @param anonymousSetCookie the Set-Cookie of the session that showed the sign-in page */
    private record SignInAttempt(String anonymousSetCookie, HttpResponse<String> response) {
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set by " + response.uri()));
    }

    private static String nameAndValue(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
