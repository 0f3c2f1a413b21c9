package io.otcrouter.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * One trade through all six services, as the local stack runs them: a real KRaft broker and a real PostgreSQL,
 * the six service jars as separate processes, real HTTP. The price sources are served by WireMock with their real
 * refusals (CoinGecko's 429, Kraken's error inside an HTTP 200, Binance's 451 geo-block), so prices fall back
 * to STATIC (SOL $150, USDC and USDT $1); quote-service runs its
 * simulated Jupiter model, as the stack does offline.
 */
class EndToEndIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final LocalCredentials CREDENTIALS = LocalCredentials.generate();
    private static final String API_KEY = CREDENTIALS.deskKey();
    private static final String TRADER = "e2e-trader";
    private static final String TRADER_PASSWORD = "e2e-trader-password-5c1a";
    private static final Pattern TRADE_ID = Pattern.compile("\"tradeId\":\"([0-9a-f-]{36})\"");

    @TempDir
    static Path dataDir;

    private static WireMockServer priceSources;
    private static LocalStackInfra infra;
    private static Services services;
    private static ServicePorts ports;
    private static KafkaConsumer<String, SpecificRecord> events;
    private static final List<SpecificRecord> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        priceSources = new WireMockServer(wireMockConfig().dynamicPort());
        priceSources.start();
        priceSources.stubFor(get(urlPathEqualTo("/simple/price")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "119")
                .withBody(fixture("fixtures/coingecko-429-rate-limit.json"))));
        priceSources.stubFor(get(urlPathEqualTo("/0/public/Ticker")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("fixtures/kraken-error-docs.json"))));
        priceSources.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).willReturn(aResponse().withStatus(451)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("fixtures/binance-error-451-restricted-location.json"))));

        infra = LocalStackInfra.start(dataDir, freePort(), freePort(), freePort());
        ports = new ServicePorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        List<ServiceSpec> specs = ServiceCatalog.standard(infra.endpoints(), ports, CREDENTIALS).stream()
                .map(spec -> switch (spec.module()) {
                    case "price-service" -> spec.withEnv("COINGECKO_BASE_URL", priceSources.baseUrl())
                            .withEnv("KRAKEN_BASE_URL", priceSources.baseUrl())
                            .withEnv("BINANCE_BASE_URL", priceSources.baseUrl());
                    case "quote-service" -> spec.withEnv("JUPITER_MODE", "simulated");
                    // A trader besides the stack's admin: the browser test signs in as a person who may trade.
                    case "dashboard-service" -> spec.withEnv("DASHBOARD_USERS", spec.environment().get("DASHBOARD_USERS")
                            + "," + TRADER + ":trader:{bcrypt}" + new BCryptPasswordEncoder().encode(TRADER_PASSWORD));
                    default -> spec;
                }).toList();
        services = Services.start(RepoRoot.find(), dataDir.resolve("logs"), specs, Duration.ofSeconds(240));

        events = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // As every consumer of the leg topics: DEX legs are written in Kafka transactions.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new AvroEventDeserializer());
        events.subscribe(List.of(Topics.ROUTES_DECIDED.name(), Topics.POOLS_EXECUTED.name(),
                Topics.JUPITER_EXECUTED.name(), Topics.TRADES_SETTLED.name()));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (events != null) {
            events.close();
        }
        if (services != null) {
            services.close();
        }
        if (infra != null) {
            infra.close();
        }
        if (priceSources != null) {
            priceSources.stop();
        }
    }

    @Test
    void shouldTradeAThousandSolForUsdcThroughEveryServiceIntoTheLedgerAndTheDashboard() throws Exception {
        HttpResponse<String> response = postTrade("""
                {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"e2e-sol"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String tradeId = tradeIdOf(response.body());

        RouteDecided decided = awaitEvent(RouteDecided.class, tradeId);
        assertThat(decided.getSubmittedBy()).isEqualTo("api-key:desk");
        assertThat(decided.getAmountIn().toBigIntegerExact()).isEqualTo(new BigDecimal("1000E9").toBigIntegerExact());
        // At STATIC $150 the pool's 25 bps pays exactly 149,625 USDC, more than the simulated AMM after impact.
        assertThat(decided.getLegs()).singleElement().satisfies(leg -> assertThat(leg.getVenue()).isEqualTo(Venue.OTC));

        LegExecuted leg = awaitEvent(LegExecuted.class, tradeId);
        assertThat(leg.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(leg.getOutAmount().toBigIntegerExact()).isEqualTo(149_625_000_000L);

        TradeSettled settled = awaitEvent(TradeSettled.class, tradeId);
        assertThat(settled.getStatus()).isEqualTo(TradeStatus.FILLED);

        Map<String, Object> row = ledgerRow(tradeId);
        assertThat(row).containsEntry("amount_in", new BigDecimal("1000000000000"))
                .containsEntry("input_decimals", 9).containsEntry("out_amount", new BigDecimal("149625000000"))
                .containsEntry("output_decimals", 6).containsEntry("status", "FILLED");
        assertThat((BigDecimal) row.get("execution_price")).isEqualByComparingTo("149.625");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // Offline, Jupiter's side of the decision is simulated, and the dashboard says so.
            assertThat(dashboardGet("/api/trades").body()).contains(tradeId).contains("e2e-sol")
                    .contains("\"dexQuoteSource\":\"SIMULATED\"");
            assertThat(dashboardGet("/api/stats").body()).contains("\"OTC\":1");
        });
    }

    @Test
    void shouldSettleTenUsdcForUsdtAtAPriceNearOne() throws Exception {
        HttpResponse<String> response = postTrade("""
                {"inputToken":"USDC","outputToken":"USDT","amount":"10","clientOrderId":"e2e-stable"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String tradeId = tradeIdOf(response.body());

        TradeSettled settled = awaitEvent(TradeSettled.class, tradeId);
        assertThat(settled.getStatus()).isEqualTo(TradeStatus.FILLED);
        // The original project reported $999.58 for this trade: it assumed 9 input and 6 output decimals.
        assertThat(settled.getExecutionPrice()).isBetween(new BigDecimal("0.99"), new BigDecimal("1.00"));
        Map<String, Object> row = ledgerRow(tradeId);
        assertThat(row).containsEntry("amount_in", new BigDecimal("10000000")).containsEntry("input_decimals", 6);
        assertThat((BigDecimal) row.get("out_amount")).isBetween(new BigDecimal("9900000"), new BigDecimal("10000000"));
    }

    @Test
    void shouldExecuteATradeFromTheDashboardFormThroughTheRealRouterAndShowItWithoutReloading(@TempDir Path profile)
            throws Exception {
        Chromium.require();
        try (BrowserSession browser = new BrowserSession("http://127.0.0.1:" + ports.dashboard(), profile)) {
            browser.open("/login");
            browser.driver().findElement(By.name("username")).sendKeys(TRADER);
            browser.driver().findElement(By.name("password")).sendKeys(TRADER_PASSWORD);
            browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
            browser.until(d -> !d.getCurrentUrl().contains("/login"));
            browser.open("/trade");
            browser.until(d -> d.findElements(By.cssSelector("#input-token option")).size() > 1);
            new Select(browser.driver().findElement(By.id("input-token"))).selectByValue("SOL");
            new Select(browser.driver().findElement(By.id("output-token"))).selectByValue("USDC");
            browser.driver().findElement(By.id("amount")).sendKeys("250");
            browser.driver().findElement(By.id("client-order-id")).sendKeys("e2e-browser");
            browser.driver().findElement(By.id("execute-button")).click();

            // The trade went dashboard -> router over HTTP with the API key, through every service, and came back
            // to this page through the dashboard's live stream: no reload.
            browser.until(d -> d.findElement(By.id("trades-body")).getText().contains("e2e-browser"));
            assertThat(browser.driver().findElement(By.id("trade-error")).getText()).isBlank();
            assertThat(browser.pageFailures()).as("what the trade page did wrong").isEmpty();
            // Who traded travels with the trade: the dashboard traded with its own key on the trader's behalf, and
            // shows the trader's name on the trade.
            browser.until(d -> d.findElement(By.id("trades-body")).getText().contains("dashboard-user:" + TRADER));
            RouteDecided decided = awaitDecisionFor("e2e-browser");
            assertThat(decided.getSubmittedBy()).isEqualTo("dashboard-user:" + TRADER);
            assertThat(ledgerSubmitter(decided.getTradeId())).isEqualTo("dashboard-user:" + TRADER);
            browser.screenshot("end-to-end-trade");
        }
    }

    @Test
    void shouldRefuseBadTradesWithAProblemAndPublishNoQuoteRequestForThem() throws Exception {
        long requestsBefore = quoteRequestsPublished();
        List<String> badBodies = List.of(
                "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":", // malformed JSON
                "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"-5\"}",
                "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"0\"}",
                "{\"inputToken\":\"DOGE\",\"outputToken\":\"USDC\",\"amount\":\"1\"}");

        for (String body : badBodies) {
            HttpResponse<String> response = postTrade(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
        }

        assertThat(quoteRequestsPublished()).isEqualTo(requestsBefore);
    }

    private static <T extends SpecificRecord> T awaitEvent(Class<T> type, String tradeId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            events.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
            return find(type, tradeId) != null;
        });
        return find(type, tradeId);
    }

    private static <T extends SpecificRecord> T find(Class<T> type, String tradeId) {
        return seen.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> tradeId.equals(String.valueOf(event.get(event.getSchema().getField("tradeId").pos()))))
                .findFirst().orElse(null);
    }

    private static long quoteRequestsPublished() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.QUOTES_REQUESTED.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static RouteDecided awaitDecisionFor(String clientOrderId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            events.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
            return decisionFor(clientOrderId) != null;
        });
        return decisionFor(clientOrderId);
    }

    private static RouteDecided decisionFor(String clientOrderId) {
        return seen.stream().filter(RouteDecided.class::isInstance).map(RouteDecided.class::cast)
                .filter(decision -> clientOrderId.equals(decision.getClientOrderId())).findFirst().orElse(null);
    }

    /** Who the ledger says submitted the trade, once it has booked it. */
    private static String ledgerSubmitter(String tradeId) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", infra.endpoints().databaseUsername());
        credentials.setProperty("password", infra.endpoints().databasePassword());
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), credentials);
                PreparedStatement query = db.prepareStatement("select submitted_by from ledger.trade where trade_id = ?")) {
            query.setString(1, tradeId);
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString("submitted_by") : null;
                }
            }, Objects::nonNull);
        }
    }

    private static Map<String, Object> ledgerRow(String tradeId) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", infra.endpoints().databaseUsername());
        credentials.setProperty("password", infra.endpoints().databasePassword());
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), credentials);
                PreparedStatement query = db.prepareStatement("select amount_in, input_decimals, out_amount,"
                        + " output_decimals, status, execution_price from ledger.trade where trade_id = ?")) {
            query.setString(1, tradeId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("ledger row for %s", tradeId).isTrue();
                return Map.of("amount_in", rows.getBigDecimal("amount_in"), "input_decimals", rows.getInt("input_decimals"),
                        "out_amount", rows.getBigDecimal("out_amount"), "output_decimals", rows.getInt("output_decimals"),
                        "status", rows.getString("status"), "execution_price", rows.getBigDecimal("execution_price"));
            }
        }
    }

    private static HttpResponse<String> postTrade(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.router() + "/api/trades"))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read of the dashboard's JSON API as its admin, with HTTP Basic as scripts do. */
    private static HttpResponse<String> dashboardGet(String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((LocalCredentials.ADMIN_USER + ":" + CREDENTIALS.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.dashboard() + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tradeIdOf(String body) {
        Matcher matcher = TRADE_ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String fixture(String resource) throws IOException {
        try (InputStream in = EndToEndIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
