package io.otcrouter.dashboard;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.dashboard.DashboardEvents.price;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.catalog.Topics;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                // Nothing listens on port 9 (discard): otc-pool-service is down.
                "otc.pool.url=http://127.0.0.1:9",
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
// Like local-stack's broker: a topic exists only once its owner declared it.
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
class DashboardServiceIT {

    private static final String HOSTILE_ORDER_ID = "<script>alert('x')</script>";
    private static final String BOOTSTRAP_CSS = "/webjars/bootstrap/css/bootstrap.min.css";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * The source topics as their writers would declare them (the dashboard declares only their DLTs), except
     * the pools topic, which a test creates after start-up as a late-starting otc-pool-service would.
     */
    @TestConfiguration
    static class SourceTopics {
        @Bean
        KafkaAdmin.NewTopics sourceTopics() {
            return new KafkaAdmin.NewTopics(Topics.PRICES_UPDATED.newTopic(1, (short) 1),
                    Topics.ROUTES_DECIDED.newTopic(1, (short) 1), Topics.TRADES_SETTLED.newTopic(1, (short) 1));
        }
    }

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private ConsumerFactory<?, ?> consumerFactory;

    /** Signed in as a viewer, who may read every page and the whole read API. */
    private RestClient http;
    private String viewerCookie;

    @BeforeEach
    void setUp() {
        viewerCookie = DashboardSession.signIn(port, TestUsers.VIEWER).cookie();
        http = signedIn(viewerCookie);
    }

    private RestClient signedIn(String cookie) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.COOKIE, cookie)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void shouldProjectPublishedPriceAndSettlementIntoTheJsonApi() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafkaTemplate.send(Topics.PRICES_UPDATED.name(), SOL.symbol(),
                price(SOL, new BigDecimal("150.00"), PriceSource.STATIC, now).build()).get();
        kafkaTemplate.send(Topics.TRADES_SETTLED.name(), "trade-it-1",
                solToUsdc("trade-it-1", Route.OTC).setClientOrderId(HOSTILE_ORDER_ID).build()).get();

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode stats = getJson("/api/stats");
            assertThat(stats.get("totalTrades").asLong()).isEqualTo(1);
            assertThat(stats.get("totalVolumeUsd").decimalValue()).isEqualByComparingTo("150000");
        });

        JsonNode stats = getJson("/api/stats");
        assertThat(stats.get("totalSavingsUsd").decimalValue()).isEqualByComparingTo("375.5");
        assertThat(stats.get("otcTrades").asLong()).isEqualTo(1);
        assertThat(stats.get("otcSharePct").decimalValue()).isEqualByComparingTo("100");
        assertThat(stats.get("byRoute").get("OTC").asLong()).isEqualTo(1);
        assertThat(stats.get("today").has("trades")).isTrue();

        JsonNode trades = getJson("/api/trades?limit=20");
        assertThat(trades.size()).isEqualTo(1);
        JsonNode trade = trades.get(0);
        assertThat(trade.get("tradeId").asString()).isEqualTo("trade-it-1");
        assertThat(trade.get("clientOrderId").asString()).isEqualTo(HOSTILE_ORDER_ID);
        assertThat(trade.get("route").asString()).isEqualTo("OTC");
        assertThat(trade.get("amountIn").asString()).isEqualTo("1000");
        assertThat(trade.get("outAmount").asString()).isEqualTo("149625");
        assertThat(trade.get("executionPrice").asString()).isEqualTo("149.625");
        assertThat(trade.get("settledAt").asString()).isEqualTo("2026-03-14T10:15:30.123Z");

        await().atMost(WAIT).untilAsserted(() -> assertThat(getJson("/api/prices").path("prices").has("SOL")).isTrue());
        JsonNode prices = getJson("/api/prices");
        assertThat(prices.get("source").asString()).isEqualTo("STATIC");
        assertThat(prices.get("prices").get("SOL").get("source").asString()).isEqualTo("STATIC");
        assertThat(prices.get("prices").get("SOL").get("stale").asBoolean()).isTrue();
        assertThat(prices.get("prices").get("SOL").get("price").decimalValue()).isEqualByComparingTo("150");
    }

    @Test
    void shouldServeThePageWithItsStylesFromWebJarsSoItWorksOffline() {
        ResponseEntity<String> page = http.get().uri("/").accept(MediaType.TEXT_HTML).retrieve()
                .toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("data-bs-theme=\"dark\"").contains(BOOTSTRAP_CSS)
                .doesNotContain("cdn.");

        for (String path : List.of("/trade", "/analytics", "/pools", "/trades/any-trade")) {
            ResponseEntity<String> other = http.get().uri(path).accept(MediaType.TEXT_HTML).retrieve()
                    .toEntity(String.class);
            assertThat(other.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(other.getBody()).as(path).contains(BOOTSTRAP_CSS).doesNotContain("cdn.")
                    .doesNotContain("http://").doesNotContain("https://");
        }
        for (String asset : List.of(BOOTSTRAP_CSS, "/webjars/bootstrap-icons/font/bootstrap-icons.min.css",
                "/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/chart.js/dist/chart.umd.min.js",
                "/js/common.js", "/js/dashboard.js", "/js/trade.js", "/js/analytics.js", "/js/pools.js",
                "/js/trade-detail.js", "/js/trades-table.js")) {
            ResponseEntity<String> response = http.get().uri(asset).retrieve().toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(asset).isEqualTo(200);
            assertThat(response.getBody()).as(asset).isNotBlank();
        }
    }

    @Test
    void shouldAnswerAnOutOfRangeLimitWithAProblem() {
        ResponseEntity<String> response = http.get().uri("/api/trades?limit=1000").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void shouldParkAnUndecodableSettlementOnTheDeadLetterTopic() throws Exception {
        String key = "garbage-" + System.nanoTime();
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), key,
                    "not an avro event".getBytes(StandardCharsets.UTF_8))).get();
        }

        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + key, false);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(Topics.TRADES_SETTLED.deadLetterTopic()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(record -> key.equals(record.key()));
            });
        }
        ConsumerRecord<String, byte[]> record = parked.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not an avro event");
    }

    /** Where no snapshot says otherwise (prices, pools, a first start), a topic is read from its beginning. */
    @Test
    void shouldReadCommittedRecordsFromTheBeginningInAConsumerGroupOfItsOwn() {
        Map<String, Object> config = consumerFactory.getConfigurationProperties();

        assertThat((String) config.get(ConsumerConfig.GROUP_ID_CONFIG))
                .matches("dashboard-service-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(config).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void shouldPickUpATopicCreatedAfterStartUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(Topics.POOLS_CHANGED.newTopic(1, (short) 1))).all().get();
        }
        kafkaTemplate.send(Topics.POOLS_CHANGED.name(), "pool-late", DashboardEvents.pool("pool-late").build()).get();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode pools = getJson("/api/pools");
            assertThat(pools.size()).isEqualTo(1);
            assertThat(pools.get(0).get("poolId").asString()).isEqualTo("pool-late");
            assertThat(pools.get(0).get("baseInventory").asString()).isEqualTo("5000");
        });
    }

    @Test
    void shouldExplainATradeFromItsDecisionAndSettlement() throws Exception {
        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), "trade-it-detail", DashboardEvents
                .decision("trade-it-detail", "sol-usdc-main").setSubmittedBy("dashboard-user:tom.trader").build()).get();
        kafkaTemplate.send(Topics.TRADES_SETTLED.name(), "trade-it-detail",
                solToUsdc("trade-it-detail", Route.OTC).build()).get();

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode detail = getJson("/api/trades/trade-it-detail");
            assertThat(detail.path("decision").path("legs").path(0).path("poolId").asString()).isEqualTo("sol-usdc-main");
            assertThat(detail.path("settlement").path("outAmount").asString()).isEqualTo("149625");
        });
        JsonNode detail = getJson("/api/trades/trade-it-detail");
        assertThat(detail.path("decision").path("candidates")).hasSize(3);
        assertThat(detail.path("decision").path("dexBaselineOut").asString()).isEqualTo("149249.5");
        assertThat(detail.path("settlement").path("savingOut").asString()).isEqualTo("375.5");
        assertThat(detail.path("settlement").path("jupiterPriceImpactPct").decimalValue()).isEqualByComparingTo("1.23");
        assertThat(detail.path("settlement").path("shortfallVsArrivalBps").decimalValue()).isEqualByComparingTo("25");
        assertThat(detail.path("decision").path("submittedBy").asString()).isEqualTo("dashboard-user:tom.trader");
        JsonNode row = null;
        for (JsonNode trade : getJson("/api/trades?limit=100")) {
            if ("trade-it-detail".equals(trade.path("tradeId").asString())) {
                row = trade;
            }
        }
        assertThat(row).as("the trade's row").isNotNull();
        assertThat(row.path("submittedBy").asString()).isEqualTo("dashboard-user:tom.trader");

        JsonNode analytics = getJson("/api/analytics");
        assertThat(analytics.path("thresholdPct").decimalValue()).isEqualByComparingTo("1");
        assertThat(analytics.path("volumeUsdByRoute").path("OTC").decimalValue()).isPositive();
        assertThat(analytics.path("brackets")).hasSize(5);
    }

    @Test
    void shouldAnswerAPoolChangeWhileThePoolServiceIsDownWithABadGatewayProblem() {
        DashboardSession admin = DashboardSession.signIn(port, TestUsers.ADMIN);

        HttpResponse<String> response = admin.post("/api/admin/pools/sol-usdc-main/deactivate", "");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Pool service unavailable").contains("did not answer");
    }

    @Test
    void shouldAnswerAnUnknownTradeWithAProblem() {
        ResponseEntity<String> response = http.get().uri("/api/trades/no-such-trade").retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("no-such-trade");
    }

    @Test
    void shouldStreamASnapshotOfEveryPartToANewSubscriber() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                .header("Accept", "text/event-stream").header(HttpHeaders.COOKIE, viewerCookie).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());

        assertThat(response.headers().firstValue("Content-Type")).get(InstanceOfAssertFactories.STRING)
                .startsWith("text/event-stream");
        try (Stream<String> lines = response.body()) {
            List<String> events = lines.filter(line -> line.startsWith("event:")).limit(5).toList();
            assertThat(events).containsExactlyInAnyOrder("event:prices", "event:stats", "event:trades",
                    "event:analytics", "event:pools");
        }
    }

    @Test
    void shouldExposeAppliedEventsOpenStreamsAndConsumerLagToPrometheus() throws Exception {
        kafkaTemplate.send(Topics.TRADES_SETTLED.name(), "trade-it-metrics",
                solToUsdc("trade-it-metrics", Route.DEX).build()).get();
        await().atMost(WAIT).untilAsserted(() -> assertThat(getJson("/api/trades/trade-it-metrics").has("settlement"))
                .isTrue());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                .header("Accept", "text/event-stream").header(HttpHeaders.COOKIE, viewerCookie).build();
        // Metrics beyond health are for admins.
        RestClient admin = signedIn(DashboardSession.signIn(port, TestUsers.ADMIN).cookie());
        HttpResponse<Stream<String>> stream = client.send(subscribe, HttpResponse.BodyHandlers.ofLines());

        try (Stream<String> lines = stream.body()) {
            assertThat(lines.filter(line -> line.startsWith("event:")).findFirst()).isPresent();
            // Lag metrics appear after the consumer's first fetch: wait for the scrape to show them.
            List<String> scrape = await().atMost(WAIT).until(() -> admin.get().uri("/actuator/prometheus").retrieve()
                    .body(String.class).lines().toList(),
                    scraped -> !sample(scraped, "kafka_consumer_fetch_manager_records_lag_max").isEmpty());

            String service = "service=\"dashboard-service\"";
            assertThat(sample(scrape, "otc_dashboard_events_applied_total",
                    "topic=\"" + Topics.TRADES_SETTLED.name() + "\"", service))
                    .singleElement().satisfies(line -> assertThat(value(line)).isGreaterThanOrEqualTo(1));
            assertThat(sample(scrape, "otc_dashboard_events_applied_total",
                    "topic=\"" + Topics.POOLS_CHANGED.name() + "\"", service)).hasSize(1);
            assertThat(sample(scrape, "otc_dashboard_sse_clients", service))
                    .singleElement().satisfies(line -> assertThat(value(line)).isGreaterThanOrEqualTo(1));
            assertThat(sample(scrape, "kafka_consumer_fetch_manager_records_lag_max", service)).isNotEmpty();
        }
    }

    /** The samples of one metric (name followed by its labels) carrying every given label. */
    private static List<String> sample(List<String> scrape, String name, String... labels) {
        return scrape.stream().filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains)).toList();
    }

    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private JsonNode getJson(String path) {
        return http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
    }
}
