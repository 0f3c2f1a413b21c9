package io.otcrouter.dashboard.pooladmin;

import static io.otcrouter.dashboard.DashboardEvents.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
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
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * The pool admin page and what it sends to otc-pool-service: an admin's switch and inventory changes go to the pool
 * admin API with the dashboard's own key, and the pool service's answers — the pool's new state or its problem
 * details — reach the page as text. otc-pool-service is an in-test endpoint recording what reaches it; pools come
 * from the read model, fed by the pools topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                "otc.pool.api-key=" + PoolAdminIT.POOL_KEY, "otc.live.flush-interval=200ms",
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1)
class PoolAdminIT {

    static final String POOL_KEY = "test-dashboard-pool-key-1";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    /** otc-pool-service's answer to a change (its PoolProjection), abridged to what the page reads. */
    private static final String INACTIVE = """
            {"id":"sol-usdc-main","pair":"SOL/USDC","baseSymbol":"SOL","quoteSymbol":"USDC","baseInventory":"5000",
             "quoteInventory":"750000","active":false,"status":"INACTIVE"}""";
    /** otc-pool-service's refusal of a withdrawal beyond the inventory, with a hostile detail. */
    private static final String CONFLICT = """
            {"type":"about:blank","title":"Pool state does not allow this change","status":409,
             "detail":"cannot withdraw 99999 SOL %s"}""".formatted(HOSTILE);

    private static final RecordingEndpoint POOLS = RecordingEndpoint.start();

    @DynamicPropertySource
    static void poolServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("otc.pool.url", POOLS::url);
    }

    @AfterAll
    static void stopPoolService() {
        POOLS.close();
    }

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @TempDir
    private Path userDataDir;

    private DashboardSession admin;

    @BeforeEach
    void setUp() {
        POOLS.clear();
        POOLS.answer(new Answer(200, "application/json", INACTIVE));
        admin = DashboardSession.signIn(port, TestUsers.ADMIN);
    }

    @Test
    void shouldSwitchAPoolWithTheDashboardsPoolKey() {
        HttpResponse<String> deactivated = admin.post("/api/admin/pools/sol-usdc-main/deactivate", "");
        HttpResponse<String> activated = admin.post("/api/admin/pools/sol-usdc-main/activate", "");

        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).isEqualTo(INACTIVE);
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(POOLS.requests()).extracting(Recorded::method, Recorded::uri).containsExactly(
                tuple("POST", "/api/pools/sol-usdc-main/deactivate"),
                tuple("POST", "/api/pools/sol-usdc-main/activate"));
        assertThat(POOLS.requests()).allSatisfy(request -> {
            assertThat(request.header("X-API-Key")).isEqualTo(POOL_KEY);
            assertThat(request.header("Cookie")).as("the session stays with the dashboard").isNull();
        });
    }

    @Test
    void shouldForwardAnInventoryChangeAsDecimalStrings() {
        HttpResponse<String> response = admin.post("/api/admin/pools/sol-usdc-main/inventory",
                "{\"baseDelta\":\"-100.5\",\"quoteDelta\":\"15000\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        Recorded forwarded = POOLS.requests().get(0);
        assertThat(forwarded.uri()).isEqualTo("/api/pools/sol-usdc-main/inventory");
        assertThat(forwarded.header("Content-Type")).startsWith("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(forwarded.body());
        assertThat(body.get("baseDelta").asString()).isEqualTo("-100.5");
        assertThat(body.get("quoteDelta").asString()).isEqualTo("15000");
    }

    @Test
    void shouldPassThePoolServicesProblemDetailsThroughUnchanged() {
        POOLS.answer(new Answer(409, "application/problem+json", CONFLICT));

        HttpResponse<String> response = admin.post("/api/admin/pools/sol-usdc-main/inventory",
                "{\"baseDelta\":\"-99999\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(CONFLICT);
    }

    @Test
    void shouldTellThePageWhenThePoolServiceRefusesTheDashboardsKey() {
        POOLS.answer(new Answer(403, "application/problem+json", "{\"title\":\"Not allowed\"}"));

        HttpResponse<String> response = admin.post("/api/admin/pools/sol-usdc-main/deactivate", "");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Dashboard not authorized by otc-pool-service");
    }

    @Test
    void shouldSwitchAPoolAndShowTheRefusalOfAChangeAsTextOnTheAdminPage() throws Exception {
        Chromium.require();
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "sol-usdc-main", pool("sol-usdc-main").build()).get();
        try (BrowserSession browser = new BrowserSession("http://localhost:" + port, userDataDir)) {
            BrowserSignIn.signIn(browser, TestUsers.ADMIN);
            browser.driver().findElement(By.id("nav-pool-admin")).click();
            By row = By.cssSelector("#admin-pools-body tr[data-pool-id='sol-usdc-main']");
            browser.until(d -> !d.findElements(row).isEmpty());
            assertThat(browser.driver().findElement(row).getText()).contains("5,000 SOL").contains("ACTIVE");

            browser.driver().findElement(row).findElement(By.cssSelector("button[data-action='deactivate']")).click();
            WebElement result = browser.driver().findElement(By.id("admin-result"));
            browser.until(d -> result.isDisplayed());
            assertThat(result.getText()).contains("Pool sol-usdc-main is now INACTIVE");
            assertThat(browser.pageFailures()).isEmpty();
            browser.screenshot("admin-pools");

            POOLS.answer(new Answer(409, "application/problem+json", CONFLICT));
            browser.driver().findElement(By.id("base-delta")).sendKeys("-99999");
            browser.driver().findElement(By.id("inventory-button")).click();
            WebElement error = browser.driver().findElement(By.id("admin-error"));
            browser.until(d -> error.isDisplayed());
            assertThat(error.getText()).contains("Pool state does not allow this change")
                    .contains("cannot withdraw 99999 SOL " + HOSTILE);
            assertThat(error.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.alertOpen()).isFalse();
            // The pool service's refusal is the one failure this page may show, and it shows it as text.
            assertThat(browser.pageFailures()).singleElement().asString().startsWith("HTTP 409 for POST ")
                    .endsWith("/inventory (Fetch)");
            browser.screenshot("admin-pools-refused");
        }
        List<Recorded> forwarded = POOLS.requests();
        assertThat(forwarded).extracting(Recorded::uri).containsExactly("/api/pools/sol-usdc-main/deactivate",
                "/api/pools/sol-usdc-main/inventory");
        assertThat(forwarded.get(1).body()).contains("\"baseDelta\":\"-99999\"");
    }
}
