package io.otcrouter.dashboard.api;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.BONK;
import static io.otcrouter.testsupport.events.TestTokens.JUP;
import static io.otcrouter.testsupport.events.TestTokens.RAY;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.pool;
import static io.otcrouter.dashboard.DashboardEvents.price;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.dashboard.BrowserSignIn;
import io.otcrouter.dashboard.TestUsers;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;
import io.otcrouter.testsupport.kafka.ConsumedTopics;

/**
 * The dashboard in headless Chromium, fed by real events on an embedded broker, signed in as a trader through the
 * sign-in page. No router-service runs here: the trade form is driven up to the router being unreachable, which the
 * page must show as text (the quote display is covered by {@code RouterForwardingIT}). Every page runs under the
 * Content-Security-Policy, whose violations the page-failure check counts. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                // Nothing listens on port 9 (discard): the router is down, as it is when not started.
                "otc.router.url=http://127.0.0.1:9", "otc.live.flush-interval=200ms", TestUsers.USERS_PROPERTY,
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@Import(ConsumedTopics.class)
class DashboardBrowserIT {

    private static final String HOSTILE_ORDER_ID = "<script>alert(1)</script>";
    /** What a router that let anything through could have recorded as the submitter. */
    private static final String HOSTILE_SUBMITTER = "dashboard-user:<img src=x onerror=alert(1)>";

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private LiveFeed liveFeed;
    @Autowired
    private ReadModelPayloads payloads;
    @TempDir
    private Path userDataDir;

    private BrowserSession browser;
    private WebDriver driver;

    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = new BrowserSession("http://localhost:" + port, userDataDir);
        driver = browser.driver();
        BrowserSignIn.signIn(browser, TestUsers.TRADER);
        kafkaTemplate.send(Topics.PRICES_UPDATED.name(), SOL.symbol(), price(SOL, new BigDecimal("150"),
                PriceSource.STATIC, Instant.now().truncatedTo(ChronoUnit.MILLIS)).build()).get();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldLoadEveryPageFromItsOwnOriginWithoutAFailedRequest() throws Exception {
        String tradeId = publishTrade("order-pages-" + UUID.randomUUID());
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "sol-usdc-main", pool("sol-usdc-main").build()).get();

        for (String page : List.of("/", "/trade", "/analytics", "/pools", "/trades/" + tradeId)) {
            browser.open(page);
            browser.until(d -> !d.findElements(By.cssSelector("#price-ticker [data-symbol='SOL']")).isEmpty());
            assertThat(browser.pageFailures()).as("what " + page + " did wrong").isEmpty();
        }
        browser.open("/pools");
        By poolRow = By.cssSelector("#pools-body tr[data-pool-id='sol-usdc-main']");
        browser.until(d -> !d.findElements(poolRow).isEmpty());
        assertThat(driver.findElement(poolRow).getText())
                .contains("25.0 bps").contains("5,000 SOL / 10,000 SOL").contains("ACTIVE").contains("50 %");
        browser.screenshot("pools");
    }

    @Test
    void shouldShowAPublishedTradeWithoutReloadingAndAHostileOrderIdAsText() throws Exception {
        browser.open("/");
        browser.js("window.notReloaded = true;");
        String tradeId = publishTrade(HOSTILE_ORDER_ID, HOSTILE_SUBMITTER);

        By row = By.cssSelector("#trades-body tr[data-trade-id='" + tradeId + "']");
        By link = By.cssSelector("a.trade-link");
        // The table is redrawn as the decision and then the settlement arrive: read it once it shows the settlement.
        browser.until(d -> d.findElement(row).getText().contains("FILLED"));
        assertThat(browser.js("return window.notReloaded === true;")).as("no reload").isEqualTo(true);
        String linkText = browser.until(d -> d.findElement(row).findElement(link).getText());
        assertThat(linkText).isEqualTo(HOSTILE_ORDER_ID);
        assertThat(driver.findElement(row).findElement(By.cssSelector("td.submitted-by")).getText())
                .isEqualTo(HOSTILE_SUBMITTER);
        assertThat(driver.findElements(By.cssSelector("#trades-body script, #trades-body img"))).isEmpty();
        assertThat(browser.alertOpen()).isFalse();
        browser.screenshot("dashboard");

        browser.until(d -> {
            d.findElement(row).findElement(link).click();
            return true;
        });
        browser.until(d -> HOSTILE_ORDER_ID.equals(d.findElement(By.id("detail-order")).getText())
                && d.findElement(By.id("detail-status")).getText().equals("FILLED"));
        assertThat(driver.findElement(By.id("detail-legs")).getText()).contains("sol-usdc-main").contains("1,000 SOL");
        assertThat(driver.findElement(By.id("detail-candidates")).getText())
                .contains("DEX").contains("149,249.5 USDC").contains("inventory below the trade size");
        assertThat(driver.findElement(By.id("cost-realized")).getText()).isEqualTo("149,625 USDC");
        assertThat(driver.findElement(By.id("detail-submitted-by")).getText()).isEqualTo(HOSTILE_SUBMITTER);
        assertThat(driver.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(browser.alertOpen()).isFalse();
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("trade-detail");
    }

    @Test
    void shouldShowNumbersAtReadablePrecisionWithTheExactValueAsTooltip() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafkaTemplate.send(Topics.PRICES_UPDATED.name(), BONK.symbol(),
                price(BONK, new BigDecimal("0.000012345678"), PriceSource.KRAKEN, now).build()).get();
        String tradeId = "trade-" + UUID.randomUUID();
        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), tradeId, decision(tradeId, "sol-usdc-main").build()).get();
        kafkaTemplate.send(Topics.TRADES_SETTLED.name(), tradeId, solToUsdc(tradeId, Route.OTC)
                .setOutAmount(EventDecimals.atomic(new BigInteger("149625123456")))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625123456")))
                .setSavingUsd(EventDecimals.usd(new BigDecimal("1375.505")))
                .setShortfallVsArrivalBps(EventDecimals.ratio(new BigDecimal("12.3456")))
                .setSettledAt(now).build()).get();

        browser.open("/");
        By row = By.cssSelector("#trades-body tr[data-trade-id='" + tradeId + "']");
        browser.until(d -> d.findElement(row).getText().contains("FILLED"));
        assertShown(row, ".trade-amount-in", "1,000 SOL", "1000 SOL");
        assertShown(row, ".trade-amount-out", "149,625.12 USDC", "149625.123456 USDC");
        assertShown(row, ".trade-price", "149.625 USDC/SOL", "149.625123456 USDC/SOL");
        assertShown(row, ".trade-saving", "$1,375.51", "1375.505 USD");
        By bonk = By.cssSelector("#price-ticker [data-symbol='BONK']");
        browser.until(d -> !d.findElements(bonk).isEmpty());
        assertShown(bonk, ".ticker-price", "$0.0000123457", "0.000012345678 USD");
        assertShown(bonk, ".ticker-down", "-1.25 %", "-1.25 %");

        browser.open("/trades/" + tradeId);
        browser.until(d -> d.findElement(By.id("detail-status")).getText().equals("FILLED"));
        assertShown(By.tagName("main"), "#cost-realized", "149,625.12 USDC", "149625.123456 USDC");
        assertShown(By.tagName("main"), "#cost-price", "149.625 USDC/SOL", "149.625123456 USDC/SOL");
        assertShown(By.tagName("main"), "#cost-shortfall", "12.35 bps", "12.3456 bps");
        assertShown(By.tagName("main"), "#cost-slippage", "0.0 bps", "0 bps");
        assertShown(By.tagName("main"), "#cost-impact", "1.23 %", "1.23 %");
        assertShown(By.tagName("main"), "#detail-slippage-bps", "50.0 bps", "50 bps");
        assertThat(browser.pageFailures()).isEmpty();
    }

    @Test
    void shouldShowEachPricesSourceInItsColourWithTheAgeOfThePriceOnEveryPage() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Not SOL: every test starts with a STATIC SOL price observed now, and a price never goes back to an older
        // observation.
        Map<Token, PriceSource> sources = Map.of(USDT, PriceSource.COINGECKO, USDC, PriceSource.KRAKEN,
                JUP, PriceSource.BINANCE, RAY, PriceSource.STATIC);
        for (Map.Entry<Token, PriceSource> source : sources.entrySet()) {
            kafkaTemplate.send(Topics.PRICES_UPDATED.name(), source.getKey().symbol(), price(source.getKey(),
                    new BigDecimal("1.5"), source.getValue(), now).setObservedAt(now.minusSeconds(12)).build()).get();
        }
        Map<String, String> expected = Map.of("USDT", "Live CoinGecko|text-bg-success",
                "USDC", "Live Kraken|text-bg-warning", "JUP", "Live Binance|text-bg-primary",
                "RAY", "Offline|text-bg-danger");

        for (String page : List.of("/", "/trade", "/analytics", "/pools")) {
            browser.open(page);
            for (Map.Entry<String, String> source : expected.entrySet()) {
                By item = By.cssSelector("#price-ticker [data-symbol='" + source.getKey() + "']");
                String[] labelAndColour = source.getValue().split("\\|");
                // Read in one go: a live update may redraw the ticker between two reads.
                String badgeClass = browser.until(d -> {
                    WebElement shown = d.findElement(item).findElement(By.cssSelector(".price-source"));
                    return shown.getText().equals(labelAndColour[0]) ? shown.getDomAttribute("class") : null;
                });
                assertThat(badgeClass).as(page + " " + source.getKey()).contains(labelAndColour[1]);
                long age = browser.until(d -> ageSeconds(item));
                assertThat(age).as(page + " " + source.getKey() + " age").isBetween(12L, 120L);
            }
        }
        // The age counts on between price updates.
        By usdt = By.cssSelector("#price-ticker [data-symbol='USDT']");
        long first = browser.until(d -> ageSeconds(usdt));
        browser.until(d -> ageSeconds(usdt) > first);
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("price-sources");
    }

    private long ageSeconds(By tickerItem) {
        String age = driver.findElement(tickerItem).findElement(By.cssSelector(".price-age")).getText();
        assertThat(age).matches("\\d+ s ago");
        return Long.parseLong(age.substring(0, age.indexOf(' ')));
    }

    /** The element's text is the rounded value, its tooltip (title) the exact one. */
    private void assertShown(By container, String selector, String text, String exact) {
        WebElement shown = driver.findElement(container).findElement(By.cssSelector(selector));
        assertThat(shown.getText()).as(selector).isEqualTo(text);
        assertThat(shown.getDomAttribute("title")).as(selector + " tooltip").isEqualTo(exact);
    }

    @Test
    void shouldSayATradeIsNotInTheRecentWindowAndShowNothingElseOfIt() {
        String tradeId = "trade-long-gone-" + UUID.randomUUID();

        browser.open("/trades/" + tradeId);

        By missing = By.id("detail-missing");
        browser.until(d -> d.findElement(missing).isDisplayed());
        assertThat(driver.findElement(missing).getText()).contains(tradeId)
                .contains("not in the dashboard's recent window").contains("The ledger keeps every trade");
        assertThat(driver.findElement(By.id("detail-body")).isDisplayed()).as("summary, costs, legs, quotes").isFalse();
        assertThat(browser.pageFailures()).as("the one failure: the API's 404 for this trade")
                .containsOnly("HTTP 404 for GET http://localhost:" + port + "/api/trades/" + tradeId + " (Fetch)");
        browser.screenshot("trade-not-in-window");
    }

    @Test
    void shouldRenderTheAnalyticsChartsWithData() throws Exception {
        publishTrade("order-analytics-" + UUID.randomUUID());
        browser.open("/analytics");

        for (String canvas : List.of("chart-route-volume", "chart-daily-savings", "chart-size-slippage",
                "chart-bracket-savings")) {
            browser.until(d -> Boolean.TRUE.equals(browser.js(
                    "const c = Chart.getChart(document.getElementById(arguments[0]));"
                    + "return !!c && c.data.datasets.some(s => s.data.some(v => (typeof v === 'number' ? v : v.y) > 0));",
                    canvas)));
        }
        assertThat(driver.findElement(By.id("threshold-body")).getText()).contains("$100k – $1M");
        assertThat(driver.findElement(By.id("perf-impact")).getText()).isEqualTo("1.23 %");
        assertThat(browser.pageFailures()).as("Chart.js under the Content-Security-Policy").isEmpty();
        browser.screenshot("analytics");
    }

    @Test
    void shouldWarnOfAPoolWithLessThanAFifthOfItsInitialBaseInventoryLeft() throws Exception {
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "sol-usdc-low", pool("sol-usdc-low")
                .setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("1500")))).build()).get();
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "sol-usdc-full", pool("sol-usdc-full").build()).get();

        browser.open("/pools");
        By low = By.cssSelector("#pools-body tr[data-pool-id='sol-usdc-low']");
        By full = By.cssSelector("#pools-body tr[data-pool-id='sol-usdc-full']");
        browser.until(d -> !d.findElements(low).isEmpty() && !d.findElements(full).isEmpty());
        assertShown(low, ".low-inventory", "Low inventory", "Base inventory 15 % of the initial (warning under 20 %)");
        assertThat(driver.findElement(low).getDomAttribute("class")).contains("table-warning");
        assertThat(driver.findElement(low).getText()).contains("85 %").contains("1,500 SOL / 10,000 SOL");
        assertThat(driver.findElement(full).findElements(By.cssSelector(".low-inventory"))).isEmpty();
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("pools-low-inventory");
    }

    @Test
    void shouldFitEveryPageOnADeskScreenAndOnAPhone() throws Exception {
        String tradeId = publishTrade("order-sizes-" + UUID.randomUUID());
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "sol-usdc-main", pool("sol-usdc-main").build()).get();
        List<String> pages = List.of("/", "/trade", "/analytics", "/pools", "/trades/" + tradeId);

        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(375, 812))) {
            driver.manage().window().setSize(size);
            boolean phone = size.getWidth() < 768;
            for (String page : pages) {
                browser.open(page);
                browser.until(d -> !d.findElements(By.cssSelector("#price-ticker [data-symbol='SOL']")).isEmpty());
                String where = page + " at " + size.getWidth() + " px";
                assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).as(where)
                        .isBetween(size.getWidth() - 20, size.getWidth());
                // Wide tables scroll inside their card; the page itself never scrolls sideways.
                assertThat(((Number) browser.js("return document.documentElement.scrollWidth - "
                        + "document.documentElement.clientWidth;")).intValue()).as(where + ": sideways overflow")
                        .isLessThanOrEqualTo(0);
                WebElement analyticsLink = driver.findElement(By.cssSelector("#main-nav a[href='/analytics']"));
                if (phone) {
                    assertThat(analyticsLink.isDisplayed()).as(where + ": navigation folded").isFalse();
                    driver.findElement(By.id("nav-toggle")).click();
                    browser.until(d -> d.findElement(By.cssSelector("#main-nav a[href='/analytics']")).isDisplayed());
                } else {
                    assertThat(analyticsLink.isDisplayed()).as(where + ": navigation shown").isTrue();
                }
                assertThat(browser.pageFailures()).as(where).isEmpty();
                browser.screenshot("size-" + size.getWidth() + page.replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("-trade-[0-9a-f-]+$", "-detail"));
            }
        }
    }

    @Test
    void shouldShowTheLedgersSystemMetricsOnTheAnalyticsPage() throws Exception {
        publishTrade("order-metrics-" + UUID.randomUUID());
        browser.open("/analytics");

        // Nothing else publishes meanwhile: once the page counts what the read model counts, both are settled.
        StatsView stats = browser.until(d -> {
            StatsView now = payloads.stats();
            return now.otcTrades() > 0 && d.findElement(By.id("sm-otc")).getText().equals(count(now.otcTrades()))
                    && d.findElement(By.id("sm-dex")).getText().equals(count(now.dexTrades()))
                    && d.findElement(By.id("sm-volume")).getDomAttribute("title") != null
                    && d.findElement(By.id("sm-volume")).getDomAttribute("title")
                            .equals(now.totalVolumeUsd().stripTrailingZeros().toPlainString() + " USD") ? now : null;
        });
        assertShown(By.id("system-metrics"), "#sm-volume", usd(stats.totalVolumeUsd()),
                stats.totalVolumeUsd().stripTrailingZeros().toPlainString() + " USD");
        assertShown(By.id("system-metrics"), "#sm-savings", usd(stats.totalSavingsUsd()),
                stats.totalSavingsUsd().stripTrailingZeros().toPlainString() + " USD");
        AnalyticsView.Performance performance = payloads.analytics().performance();
        assertThat(driver.findElement(By.id("sm-jupiter")).getText()).isEqualTo("1.23 %");
        assertThat(driver.findElement(By.id("sm-slippage")).getText()).isEqualTo("0.0 bps");
        assertThat(driver.findElement(By.id("sm-trades")).getText()).isEqualTo(count(performance.trades()) + " ("
                + count(performance.filled()) + " · " + count(performance.partiallyFilled()) + " · "
                + count(performance.failed()) + ")");
        assertThat(browser.pageFailures()).isEmpty();
        browser.screenshot("analytics-system-metrics");
    }

    private static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    @Test
    void shouldShowTheRouterBeingUnreachableAsReadableTextOnTheTradeForm() {
        browser.open("/trade");
        browser.until(d -> !d.findElements(By.cssSelector("#input-token option")).isEmpty());
        driver.findElement(By.id("amount")).sendKeys("1000");
        driver.findElement(By.id("client-order-id")).sendKeys(HOSTILE_ORDER_ID);
        driver.findElement(By.id("execute-button")).click();

        WebElement error = driver.findElement(By.id("trade-error"));
        browser.until(d -> error.isDisplayed());
        assertThat(error.getText()).contains("Router unavailable").contains("did not answer");
        assertThat(browser.alertOpen()).isFalse();
        // The 502 the page just got is the one failure this page may show: proves the failure check sees failures.
        assertThat(browser.pageFailures()).contains("HTTP 502 for POST http://localhost:" + port + "/api/trades (Fetch)");
        browser.screenshot("trade-router-down");
    }

    @Test
    void shouldShowTheStreamDroppingAndReconnectByItself() throws Exception {
        browser.open("/");
        browser.js("window.liveStates = [];"
                + "new MutationObserver(() => window.liveStates.push(document.body.dataset.live))"
                + ".observe(document.body, { attributes: true, attributeFilter: ['data-live'] });");

        liveFeed.closeStreams();

        browser.until(d -> Boolean.TRUE.equals(browser.js("return window.liveStates.includes('down');")));
        browser.until(d -> liveFeed.subscribers() > 0 && "up".equals(browser.js("return document.body.dataset.live;")));
        String tradeId = publishTrade("order-after-reconnect-" + UUID.randomUUID());
        browser.until(d -> !d.findElements(By.cssSelector("#trades-body tr[data-trade-id='" + tradeId + "']"))
                .isEmpty());
    }

    private String publishTrade(String clientOrderId) throws Exception {
        return publishTrade(clientOrderId, "dashboard-user:" + TestUsers.TRADER.name());
    }

    private String publishTrade(String clientOrderId, String submittedBy) throws Exception {
        String tradeId = "trade-" + UUID.randomUUID();
        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), tradeId, decision(tradeId, "sol-usdc-main")
                .setClientOrderId(clientOrderId).setSubmittedBy(submittedBy).build()).get();
        kafkaTemplate.send(Topics.TRADES_SETTLED.name(), tradeId, solToUsdc(tradeId, Route.OTC)
                .setClientOrderId(clientOrderId).setSettledAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build()).get();
        return tradeId;
    }
}
