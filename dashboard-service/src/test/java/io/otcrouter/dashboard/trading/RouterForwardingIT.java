package io.otcrouter.dashboard.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.otcrouter.dashboard.BrowserSignIn;
import io.otcrouter.dashboard.DashboardSession;
import io.otcrouter.dashboard.RecordingEndpoint;
import io.otcrouter.dashboard.RecordingEndpoint.Answer;
import io.otcrouter.dashboard.RecordingEndpoint.Recorded;
import io.otcrouter.dashboard.TestUsers;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * What the dashboard sends to router-service and how it hands the router's answers to the page. router-service
 * itself needs the whole stack behind it (quotes, pools, PostgreSQL), so here a minimal in-test HTTP endpoint
 * records the forwarded request and answers with the router's documented JSON shapes (DecisionView and its
 * problem details); the end-to-end test of local-stack covers the real router. Every request comes from a signed-in
 * trader, with the dashboard's own key and the trader's name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "otc.router.api-key=" + RouterForwardingIT.API_KEY, TestUsers.USERS_PROPERTY,
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1)
class RouterForwardingIT {

    static final String API_KEY = "desk-key-1";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    /** router-service's answer to GET /api/quote for 1,000 SOL → USDC (its DecisionView record). */
    private static final String QUOTE = """
            {"tradeId":null,"status":"INDICATIVE","clientOrderId":null,"inputToken":"SOL","outputToken":"USDC",
             "amount":"1000","route":"OTC","expectedOutput":"149625","dexBaselineOutput":"149249.5",
             "expectedSaving":"375.5","dexQuoteSource":"SIMULATED",
             "legs":[{"legId":null,"venue":"OTC","poolId":"sol-usdc-main","amountIn":"1000",
                      "expectedOutput":"149625","minOutput":"148876.875"}],
             "candidates":[
               {"label":"DEX","route":"DEX","available":true,"output":"149249.5","reason":null},
               {"label":"OTC:sol-usdc-main","route":"OTC","available":true,"output":"149625","reason":null},
               {"label":"SPLIT DEX 40% + OTC:sol-usdc-main 60%","route":"SPLIT","available":true,
                "output":"149500.1","reason":null},
               {"label":"OTC:sol-usdc-backup","route":"OTC","available":false,"output":null,
                "reason":"inventory below the trade size"}],
             "reason":"OTC sol-usdc-main returns 375.5 USDC more than Jupiter"}""";
    /** router-service's refusal of an invalid trade (its ApiExceptionHandler), with a hostile field message. */
    private static final String PROBLEM = """
            {"type":"about:blank","title":"Invalid trade request","status":400,
             "detail":"The trade request has 1 invalid field","instance":"/api/trades",
             "errors":[{"field":"amount","message":"%s is not a decimal number"}]}""".formatted(HOSTILE);

    private static final RecordingEndpoint ROUTER = RecordingEndpoint.start();

    @DynamicPropertySource
    static void routerUrl(DynamicPropertyRegistry registry) {
        registry.add("otc.router.url", ROUTER::url);
    }

    @AfterAll
    static void stopRouterEndpoint() {
        ROUTER.close();
    }

    @LocalServerPort
    private int port;
    @TempDir
    private Path userDataDir;

    private DashboardSession trader;

    @BeforeEach
    void setUp() {
        ROUTER.clear();
        trader = DashboardSession.signIn(port, TestUsers.TRADER);
    }

    @Test
    void shouldForwardATradeWithItsIdempotencyKeyTheDashboardsKeyAndTheTradersName() {
        ROUTER.answer(new Answer(201, "application/json", QUOTE.replace("\"INDICATIVE\"", "\"DECIDED\"")));

        HttpResponse<String> response = DashboardSession.send(trader.request("/api/trades")
                .header("Content-Type", "application/json").header(trader.csrfHeader(), trader.csrfToken())
                .header("Idempotency-Key", "7f9c2ba4-e88f-4d1c-9b1a-1b2c3d4e5f60")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"inputToken":"SOL","outputToken":"USDC","amount":"1000.5","slippageBps":50,
                         "clientOrderId":"desk-42"}""")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"DECIDED\"");
        Recorded forwarded = ROUTER.requests().get(0);
        assertThat(forwarded.method()).isEqualTo("POST");
        assertThat(forwarded.uri()).isEqualTo("/api/trades");
        assertThat(forwarded.header("Idempotency-Key")).isEqualTo("7f9c2ba4-e88f-4d1c-9b1a-1b2c3d4e5f60");
        assertThat(forwarded.header("X-API-Key")).isEqualTo(API_KEY);
        assertThat(forwarded.header("X-On-Behalf-Of")).isEqualTo(TestUsers.TRADER.name());
        assertThat(forwarded.header("Cookie")).as("the session stays with the dashboard").isNull();
        JsonNode body = JsonMapper.builder().build().readTree(forwarded.body());
        assertThat(body.get("inputToken").asString()).isEqualTo("SOL");
        assertThat(body.get("amount").asString()).isEqualTo("1000.5");
        assertThat(body.get("slippageBps").asInt()).isEqualTo(50);
        assertThat(body.get("clientOrderId").asString()).isEqualTo("desk-42");
    }

    @Test
    void shouldRefuseAnUnknownFieldInsteadOfDroppingItAndForwardNothing() {
        HttpResponse<String> response = trader.post("/api/trades", """
                {"inputToken":"SOL","outputToken":"USDC","amount":"1000.5","slippageBps":50,
                 "clientOrderId":"desk-42","ignored":"not forwarded"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Unknown field 'ignored'");
        assertThat(ROUTER.requests()).isEmpty();
    }

    @Test
    void shouldPassTheRoutersProblemDetailsThroughUnchanged() {
        ROUTER.answer(new Answer(400, "application/problem+json", PROBLEM));

        HttpResponse<String> response = trader.get("/api/quote?inputToken=SOL&outputToken=USDC&amount="
                + URLEncoder.encode("0.0000000001", StandardCharsets.UTF_8) + "&slippageBps=50");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(PROBLEM);
        Recorded forwarded = ROUTER.requests().get(0);
        assertThat(forwarded.uri())
                .isEqualTo("/api/quote?inputToken=SOL&outputToken=USDC&amount=0.0000000001&slippageBps=50");
        assertThat(forwarded.header("X-On-Behalf-Of")).isEqualTo(TestUsers.TRADER.name());
    }

    @Test
    void shouldNeverPassAnHtmlAnswerOrARefusalOfItsOwnKeyToThePage() {
        ROUTER.answer(new Answer(502, "text/html", "<html><body><script>alert(1)</script></body></html>"));
        HttpResponse<String> html = trader.get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1");
        ROUTER.answer(new Answer(401, "application/problem+json", "{\"title\":\"API key not accepted\"}"));
        HttpResponse<String> refused = trader.get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1");

        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(html.body()).contains("text/html").doesNotContain("<script>");
        assertThat(refused.statusCode()).as("a 401 from the dashboard means: sign in again").isEqualTo(502);
        assertThat(refused.body()).contains("refused the dashboard's own credential");
    }

    @Test
    void shouldLabelAJupiterFigureReadOffItsDepthCurveAsAnEstimateNotALiveQuote() {
        Chromium.require();
        ROUTER.answer(new Answer(200, "application/json",
                QUOTE.replace("\"dexQuoteSource\":\"SIMULATED\"", "\"dexQuoteSource\":\"CURVE\"")));
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
            BrowserSignIn.signIn(browser, TestUsers.TRADER);
            browser.open("/trade");
            browser.until(d -> !d.findElements(By.cssSelector("#input-token option")).isEmpty());
            browser.driver().findElement(By.id("amount")).sendKeys("1000");
            browser.driver().findElement(By.id("quote-button")).click();

            browser.until(d -> d.findElement(By.id("quote-details")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("quote-source")).getText())
                    .isEqualTo("Jupiter estimate from its depth curve");
            assertThat(browser.pageFailures()).isEmpty();
        }
    }

    @Test
    void shouldShowTheQuoteComparisonAndTheRoutersFieldErrorsAsTextOnTheTradePage() {
        Chromium.require();
        ROUTER.answer(new Answer(200, "application/json", QUOTE));
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
            BrowserSignIn.signIn(browser, TestUsers.TRADER);
            browser.open("/trade");
            browser.until(d -> !d.findElements(By.cssSelector("#input-token option")).isEmpty());
            browser.driver().findElement(By.id("amount")).sendKeys("1000");
            browser.driver().findElement(By.id("quote-button")).click();

            browser.until(d -> d.findElement(By.id("quote-details")).isDisplayed());
            String candidates = browser.driver().findElement(By.id("quote-candidates")).getText();
            assertThat(candidates).contains("DEX").contains("baseline").contains("SPLIT DEX 40% + OTC:sol-usdc-main 60%")
                    .contains("+250.6").contains("inventory below the trade size");
            assertThat(browser.driver().findElement(By.cssSelector("#quote-candidates tr.table-success")).getText())
                    .startsWith("OTC:sol-usdc-main").contains("best").contains("+375.5");
            assertThat(browser.driver().findElement(By.id("quote-saving")).getText()).isEqualTo("375.5 USDC");
            assertThat(browser.driver().findElement(By.id("quote-route")).getText()).isEqualTo("OTC");
            assertThat(browser.pageFailures()).isEmpty();
            browser.screenshot("trade");

            ROUTER.answer(new Answer(400, "application/problem+json", PROBLEM));
            browser.driver().findElement(By.id("execute-button")).click();
            WebElement error = browser.driver().findElement(By.id("trade-error"));
            browser.until(d -> error.isDisplayed());
            assertThat(error.getText()).contains("Invalid trade request")
                    .contains("amount: " + HOSTILE + " is not a decimal number");
            assertThat(error.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.alertOpen()).isFalse();
            // The router's refusal is the one failure this page may show, and it shows it as text.
            assertThat(browser.pageFailures()).singleElement().asString().startsWith("HTTP 400 for POST ")
                    .endsWith("/api/trades (Fetch)");
            browser.driver().findElement(By.id("execute-button")).click();
            browser.until(d -> ROUTER.requests().stream().filter(r -> r.method().equals("POST")).count() == 2
                    && error.isDisplayed());
            browser.screenshot("trade-error");
        }
        List<String> keys = ROUTER.requests().stream().filter(r -> r.method().equals("POST"))
                .map(r -> r.header("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).allMatch(key -> key.matches(UUID_PATTERN)).doesNotHaveDuplicates();
        assertThat(ROUTER.requests()).allMatch(r -> API_KEY.equals(r.header("X-API-Key"))
                && TestUsers.TRADER.name().equals(r.header("X-On-Behalf-Of")));
    }
}
