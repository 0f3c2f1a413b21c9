package io.otcrouter.dashboard.history;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.otcrouter.dashboard.BrowserSignIn;
import io.otcrouter.dashboard.DashboardSession;
import io.otcrouter.dashboard.TestUsers;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * The trade history page in headless Chromium, and what the dashboard forwards to ledger-service for it. The ledger is
 * WireMock answering with the ledger API's payloads (src/test/resources/fixtures/ledger: pages as
 * {@code TradeHistoryView}, a refusal as its problem, a CSV as {@code TradeCsv} writes it); ledger-service's own
 * TradeHistoryIT proves those against PostgreSQL. Signed in as a viewer: reading the history needs no more.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                "otc.ledger.api-key=" + TradeHistoryPageIT.LEDGER_KEY,
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1)
class TradeHistoryPageIT {

    static final String LEDGER_KEY = "test-dashboard-ledger-key-1";
    private static final String NEXT = "MTc2NDkyNjk0MC4xMDAwLjQy";
    private static final String PREVIOUS = "MTc2NDg3MTIwMC4wLjQx";
    private static final WireMockServer LEDGER = new WireMockServer(wireMockConfig().dynamicPort()
            // As router-service and ledger-service serve: HTTP/1.1 only, no h2c upgrade of the client's requests.
            .http2PlainDisabled(true));

    @DynamicPropertySource
    static void ledgerUrl(DynamicPropertyRegistry registry) {
        LEDGER.start();
        registry.add("otc.ledger.url", LEDGER::baseUrl);
    }

    @AfterAll
    static void stopLedger() {
        LEDGER.stop();
    }

    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @LocalServerPort
    private int port;
    @TempDir
    private Path userDataDir;

    private BrowserSession browser;
    private WebDriver driver;

    @BeforeEach
    void setUp() {
        LEDGER.resetAll();
        stub(get(urlPathEqualTo("/api/ledger/history")).withQueryParam("after", absent())
                .withQueryParam("status", absent()), 200, "application/json", "history-page-1.json");
        stub(get(urlPathEqualTo("/api/ledger/history")).withQueryParam("before", equalTo(PREVIOUS)), 200,
                "application/json", "history-page-1.json");
        stub(get(urlPathEqualTo("/api/ledger/history")).withQueryParam("after", equalTo(NEXT)), 200,
                "application/json", "history-page-2.json");
        stub(get(urlPathEqualTo("/api/ledger/history")).withQueryParam("status", equalTo("SETTLED")), 400,
                "application/problem+json", "history-refused-status.json");
        stub(get(urlPathEqualTo("/api/ledger/history.csv")), 200, "text/csv;charset=UTF-8", "history-otc.csv");
        browser = new BrowserSession("http://localhost:" + port, userDataDir);
        driver = browser.driver();
        BrowserSignIn.signIn(browser, TestUsers.VIEWER);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void shouldPageThroughTheLedgerOlderAndNewerWithNumbersFormattedAndHostileTextAsText() {
        browser.open("/history");

        By newest = By.cssSelector("#history-body tr[data-trade-id='trade-7d3f0c1a-0001']");
        browser.until(d -> !d.findElements(newest).isEmpty());
        assertShown(newest, ".trade-amount-in", "1,000 SOL", "1000 SOL");
        assertShown(newest, ".trade-amount-out", "149,625.12 USDC", "149625.123456 USDC");
        assertShown(newest, ".trade-price", "149.625 USDC/SOL", "149.625123456 USDC/SOL");
        assertShown(newest, ".trade-saving", "$1,375.51", "1375.505 USD");
        WebElement failed = driver.findElement(By.cssSelector("#history-body tr[data-trade-id='trade-7d3f0c1a-0002']"));
        assertThat(failed.findElement(By.cssSelector("a.trade-link")).getText()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(failed.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.findElement(By.id("history-previous")).getDomAttribute("class")).contains("disabled");
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("history");

        driver.findElement(By.id("history-next")).click();
        By oldest = By.cssSelector("#history-body tr[data-trade-id='trade-7d3f0c1a-0003']");
        browser.until(d -> !d.findElements(oldest).isEmpty());
        assertThat(driver.getCurrentUrl()).endsWith("/history?after=" + NEXT);
        assertShown(oldest, ".trade-amount-out", "14,962,500.25 USDC", "14962500.25 USDC");
        assertThat(driver.findElement(By.id("history-next")).getDomAttribute("class")).contains("disabled");

        driver.findElement(By.id("history-previous")).click();
        browser.until(d -> !d.findElements(newest).isEmpty());
        assertThat(driver.getCurrentUrl()).endsWith("/history?before=" + PREVIOUS);
        LEDGER.verify(3, getRequestedFor(urlPathEqualTo("/api/ledger/history"))
                .withHeader("X-API-Key", equalTo(LEDGER_KEY)).withoutHeader("Cookie"));
        assertThat(browser.pageFailures()).isEmpty();
    }

    @Test
    void shouldApplyTheFiltersAndOfferTheFilteredSetAsCsv() {
        browser.open("/history");
        browser.until(d -> !d.findElements(By.cssSelector("#history-body tr[data-trade-id]")).isEmpty());
        driver.findElement(By.id("f-pair")).sendKeys("SOL/USDC");
        new Select(driver.findElement(By.id("f-route"))).selectByValue("OTC");
        driver.findElement(By.id("f-client-order-id")).sendKeys("desk-newest");
        driver.findElement(By.id("f-submitted-by")).sendKeys("dashboard-user:tom.trader");
        browser.js("document.getElementById('f-from').value = '2026-12-05T09:00';");
        driver.findElement(By.id("history-apply")).click();

        browser.until(d -> d.getCurrentUrl().contains("route=OTC")
                && !d.findElements(By.cssSelector("#history-body tr[data-trade-id]")).isEmpty());
        LEDGER.verify(getRequestedFor(urlPathEqualTo("/api/ledger/history"))
                .withQueryParam("pair", equalTo("SOL/USDC")).withQueryParam("route", equalTo("OTC"))
                .withQueryParam("clientOrderId", equalTo("desk-newest"))
                .withQueryParam("submittedBy", equalTo("dashboard-user:tom.trader"))
                .withQueryParam("from", equalTo("2026-12-05T09:00:00Z")).withQueryParam("status", absent()));
        assertThat(driver.findElement(By.id("f-from")).getDomProperty("value")).isEqualTo("2026-12-05T09:00");
        String csvLink = driver.findElement(By.id("history-csv")).getDomAttribute("href");
        assertThat(csvLink).startsWith("/api/history.csv?").contains("route=OTC").contains("pair=SOL%2FUSDC")
                .contains("from=2026-12-05T09%3A00%3A00Z").doesNotContain("after").doesNotContain("before");

        List<?> answer = (List<?>) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done([String(r.status),"
                + " r.headers.get('Content-Disposition'), t])));", csvLink);
        assertThat(answer.get(0)).isEqualTo("200");
        assertThat((String) answer.get(1)).startsWith("attachment; filename=\"trades-").endsWith(".csv\"");
        assertThat((String) answer.get(2)).isEqualTo(fixture("history-otc.csv"));
        LEDGER.verify(getRequestedFor(urlPathEqualTo("/api/ledger/history.csv"))
                .withQueryParam("route", equalTo("OTC")).withQueryParam("pair", equalTo("SOL/USDC"))
                .withHeader("X-API-Key", equalTo(LEDGER_KEY)));
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("history-filtered");
    }

    @Test
    void shouldShowTheLedgersRefusalOfAFilterAsTextAndMarkTheField() {
        browser.open("/history?status=SETTLED");

        WebElement error = driver.findElement(By.id("history-error"));
        browser.until(d -> error.isDisplayed());
        assertThat(error.getText()).contains("Invalid query parameter").contains("got 'SETTLED'");
        assertThat(driver.findElement(By.id("f-status")).getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.pageFailures()).containsExactly("HTTP 400 for GET http://localhost:" + port
                + "/api/history?status=SETTLED (Fetch)");
    }

    @Test
    void shouldStreamTheCsvWithTheDashboardsKeyAndRefuseAnUnknownParameterWithoutAskingTheLedger() {
        DashboardSession viewer = DashboardSession.signIn(port, TestUsers.VIEWER);

        HttpResponse<String> csv = viewer.get("/api/history.csv?status=FILLED&route=OTC");
        HttpResponse<String> unknown = viewer.get("/api/history.csv?after=" + NEXT);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).isEqualTo(fixture("history-otc.csv"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("after").contains("is not a parameter of the trade history");
        LEDGER.verify(1, getRequestedFor(urlPathEqualTo("/api/ledger/history.csv")));
    }

    @Test
    void shouldFitTheHistoryOnADeskScreenAndOnAPhone() {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(375, 812))) {
            driver.manage().window().setSize(size);
            browser.open("/history");
            browser.until(d -> !d.findElements(By.cssSelector("#history-body tr[data-trade-id]")).isEmpty());
            String where = "/history at " + size.getWidth() + " px";
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth - "
                    + "document.documentElement.clientWidth;")).intValue()).as(where + ": sideways overflow")
                    .isLessThanOrEqualTo(0);
            assertThat(driver.findElement(By.id("history-csv")).isDisplayed()).as(where).isTrue();
            assertThat(driver.findElement(By.id("history-next")).isDisplayed()).as(where).isTrue();
            assertThat(browser.pageFailures()).as(where).isEmpty();
            browser.screenshot("size-" + size.getWidth() + "-history");
        }
    }

    private void assertShown(By row, String selector, String text, String exact) {
        WebElement shown = driver.findElement(row).findElement(By.cssSelector(selector));
        assertThat(shown.getText()).as(selector).isEqualTo(text);
        assertThat(shown.getDomAttribute("title")).as(selector + " tooltip").isEqualTo(exact);
    }

    private static void stub(MappingBuilder request, int status, String contentType, String fixture) {
        LEDGER.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(fixture(fixture))));
    }

    private static String fixture(String name) {
        try (var in = TradeHistoryPageIT.class.getResourceAsStream("/fixtures/ledger/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
