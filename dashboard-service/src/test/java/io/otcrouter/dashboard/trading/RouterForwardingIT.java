package io.otcrouter.dashboard.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * What the dashboard sends to router-service and how it hands the router's answers to the page. router-service
 * itself needs the whole stack behind it (quotes, pools, PostgreSQL), so here a minimal in-test HTTP endpoint
 * records the forwarded request and answers with the router's documented JSON shapes (DecisionView and its
 * problem details); the end-to-end test of local-stack covers the real router.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "otc.router.api-key=" + RouterForwardingIT.API_KEY,
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

    private static final HttpServer ROUTER = startRouterEndpoint();
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    private static volatile Answer answer = new Answer(200, "application/json", QUOTE);

    record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    @DynamicPropertySource
    static void routerUrl(DynamicPropertyRegistry registry) {
        registry.add("otc.router.url", () -> "http://127.0.0.1:" + ROUTER.getAddress().getPort());
    }

    @AfterAll
    static void stopRouterEndpoint() {
        ROUTER.stop(0);
    }

    @LocalServerPort
    private int port;
    @TempDir
    private Path userDataDir;

    private RestClient http;

    @BeforeEach
    void setUp() {
        REQUESTS.clear();
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void shouldForwardATradeWithItsIdempotencyKeyAndTheApiKey() {
        answer = new Answer(201, "application/json", QUOTE.replace("\"INDICATIVE\"", "\"DECIDED\""));

        ResponseEntity<String> response = http.post().uri("/api/trades").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "7f9c2ba4-e88f-4d1c-9b1a-1b2c3d4e5f60")
                .body("""
                        {"inputToken":"SOL","outputToken":"USDC","amount":"1000.5","slippageBps":50,
                         "clientOrderId":"desk-42","ignored":"not forwarded"}""")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"DECIDED\"");
        Recorded forwarded = REQUESTS.get(0);
        assertThat(forwarded.method()).isEqualTo("POST");
        assertThat(forwarded.uri()).isEqualTo("/api/trades");
        assertThat(forwarded.header("Idempotency-Key")).isEqualTo("7f9c2ba4-e88f-4d1c-9b1a-1b2c3d4e5f60");
        assertThat(forwarded.header("X-API-Key")).isEqualTo(API_KEY);
        JsonNode body = JsonMapper.builder().build().readTree(forwarded.body());
        assertThat(body.get("inputToken").asString()).isEqualTo("SOL");
        assertThat(body.get("amount").asString()).isEqualTo("1000.5");
        assertThat(body.get("slippageBps").asInt()).isEqualTo(50);
        assertThat(body.get("clientOrderId").asString()).isEqualTo("desk-42");
        assertThat(body.has("ignored")).isFalse();
    }

    @Test
    void shouldPassTheRoutersProblemDetailsThroughUnchanged() {
        answer = new Answer(400, "application/problem+json", PROBLEM);

        ResponseEntity<String> response = http.get()
                .uri("/api/quote?inputToken=SOL&outputToken=USDC&amount=1 000&slippageBps=50")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).isEqualTo(PROBLEM);
        assertThat(REQUESTS.get(0).uri())
                .isEqualTo("/api/quote?inputToken=SOL&outputToken=USDC&amount=1%20000&slippageBps=50");
    }

    @Test
    void shouldShowTheQuoteComparisonAndTheRoutersFieldErrorsAsTextOnTheTradePage() {
        Chromium.require();
        answer = new Answer(200, "application/json", QUOTE);
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
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

            answer = new Answer(400, "application/problem+json", PROBLEM);
            browser.driver().findElement(By.id("execute-button")).click();
            WebElement error = browser.driver().findElement(By.id("trade-error"));
            browser.until(d -> error.isDisplayed());
            assertThat(error.getText()).contains("Invalid trade request")
                    .contains("amount: " + HOSTILE + " is not a decimal number");
            assertThat(error.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.alertOpen()).isFalse();
            browser.driver().findElement(By.id("execute-button")).click();
            browser.until(d -> REQUESTS.stream().filter(r -> r.method().equals("POST")).count() == 2
                    && error.isDisplayed());
            browser.screenshot("trade-error");
        }
        List<String> keys = REQUESTS.stream().filter(r -> r.method().equals("POST"))
                .map(r -> r.header("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).allMatch(key -> key.matches(UUID_PATTERN)).doesNotHaveDuplicates();
        assertThat(REQUESTS).allMatch(r -> API_KEY.equals(r.header("X-API-Key")));
    }

    private static HttpServer startRouterEndpoint() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/", RouterForwardingIT::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the in-test router endpoint", e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer current = answer;
        byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", current.contentType());
        exchange.sendResponseHeaders(current.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
