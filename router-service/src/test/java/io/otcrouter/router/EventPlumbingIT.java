package io.otcrouter.router;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.events.LegExecutedMother;
import io.otcrouter.testsupport.events.RouteDecidedMother;
import io.otcrouter.testsupport.events.TradeSettledMother;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;


/**
 * The router's Kafka and database plumbing when things go wrong, on a real broker and a real PostgreSQL reached
 * through a {@link TcpProxy} the test can cut: readiness follows the database, a settlement that arrives while the
 * database is away waits for it instead of going to the dead-letter topic, poison goes there at once (also from a
 * listener in a group of its own), and a leg execution of an aborted Kafka transaction is never tracked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestApiKeys.PROPERTY,
        "otc.kafka.retry-max=500ms"})
@EmbeddedKafka(partitions = 1, topics = {"otc.jupiter.quoted.v1", "otc.pools.quoted.v1", "otc.trades.settled.v1",
        "otc.jupiter.executed.v1", "otc.pools.executed.v1", "otc.prices.updated.v1"})
class EventPlumbingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TcpProxy DATABASE = new TcpProxy(EmbeddedPostgresHolder.port());
    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50}""";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    private FakeVenues venues;
    private KafkaProducer<String, Object> producer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrlThroughPort(DATABASE.port()));
    }

    @BeforeEach
    void start() {
        DATABASE.restore();
        venues = FakeVenues.usual(broker.getBrokersAsString());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new AvroEventSerializer());
        awaitReadiness(200);
    }

    @AfterEach
    void stop() {
        DATABASE.restore();
        venues.close();
        producer.close();
    }

    @AfterAll
    static void closeProxy() throws Exception {
        DATABASE.close();
    }

    @Test
    void shouldReportNotReadyWhilePostgresIsUnreachableAndReadyAgainWhenItIsBack() throws Exception {
        DATABASE.cut();

        awaitReadiness(503);
        DATABASE.restore();

        awaitReadiness(200);
    }

    @Test
    void shouldTrackASettlementThatArrivedWhilePostgresWasAwayOnceItIsBackAndNeverDeadLetterIt() throws Exception {
        String tradeId = "outage-" + UUID.randomUUID();
        long deadLettersBefore = endOffset(Topics.TRADES_SETTLED.deadLetterTopic());
        DATABASE.cut();
        awaitReadiness(503);

        producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), tradeId, settled(tradeId))).get();
        // Longer than the old rule's two retries 200 ms apart, with the listener failing all along.
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        DATABASE.restore();

        await().atMost(Duration.ofSeconds(30)).until(() -> settlementStatus(tradeId), "FILLED"::equals);
        assertThat(endOffset(Topics.TRADES_SETTLED.deadLetterTopic())).isEqualTo(deadLettersBefore);
    }

    @Test
    void shouldSendAnUndecodableQuoteReplyToItsDeadLetterTopicAtOnceAndKeepDeciding() throws Exception {
        long deadLettersBefore = endOffset(Topics.JUPITER_QUOTED.deadLetterTopic());
        try (var raw = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.JUPITER_QUOTED.name(), "SOL/USDC",
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> endOffset(Topics.JUPITER_QUOTED.deadLetterTopic())
                == deadLettersBefore + 1);
        HttpResponse<String> trade = HTTP.send(HttpRequest.newBuilder(uri("/api/trades"))
                .header("Content-Type", "application/json").header("X-API-Key", TestApiKeys.DESK)
                .POST(HttpRequest.BodyPublishers.ofString(TRADE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trade.statusCode()).isEqualTo(201);
        assertThat(trade.body()).contains("\"dexBaselineOutput\":\"148000.000000\"");
    }

    @Test
    void shouldSendARecordOfAnotherTypeOnTheSettlementsTopicToItsDeadLetterTopicAtOnceAndTrackTheNext()
            throws Exception {
        String tradeId = "after-stray-" + UUID.randomUUID();
        long deadLettersBefore = endOffset(Topics.TRADES_SETTLED.deadLetterTopic());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JupiterQuoted stray = JupiterQuoted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                .setRequestId("stray").setPair("SOL/USDC").setInputMint("in").setOutputMint("out")
                .setInAmount(BigDecimal.ONE).setStatus(JupiterQuoteStatus.QUOTED).setSource(QuoteSource.SIMULATED)
                .setOutAmount(BigDecimal.ONE).setOtherAmountThreshold(BigDecimal.ONE).build();

        producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), "stray", stray)).get();
        producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), tradeId, settled(tradeId))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> settlementStatus(tradeId), "FILLED"::equals);
        assertThat(endOffset(Topics.TRADES_SETTLED.deadLetterTopic())).isEqualTo(deadLettersBefore + 1);
    }

    @Test
    void shouldNeverTrackALegExecutionOfAnAbortedTransaction() throws Exception {
        String tradeId = "tx-" + UUID.randomUUID();
        try (var transactional = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "quote-service-it-" + UUID.randomUUID()),
                new StringSerializer(), new AvroEventSerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(Topics.JUPITER_EXECUTED.name(), tradeId, leg(tradeId, "aborted")));
            transactional.flush();
            transactional.abortTransaction();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(Topics.JUPITER_EXECUTED.name(), tradeId, leg(tradeId, "committed")));
            transactional.commitTransaction();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> trackedLegs(tradeId).contains("committed"));
        assertThat(trackedLegs(tradeId)).containsExactly("committed");
    }

    private void awaitReadiness(int status) {
        await().atMost(Duration.ofSeconds(45)).until(() -> HTTP.send(
                HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == status);
    }

    private String settlementStatus(String tradeId) {
        return jdbc.sql("select settlement_status from tracked_trade where trade_id = :id").param("id", tradeId)
                .query(String.class).optional().orElse(null);
    }

    private List<String> trackedLegs(String tradeId) {
        return jdbc.sql("select leg_id from tracked_leg where trade_id = :id order by leg_id").param("id", tradeId)
                .query(String.class).list();
    }

    private long endOffset(String topic) {
        return new PublishedRecords(broker.getBrokersAsString()).endOffsets(topic);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** 1 SOL sold for 149.625 USDC in one OTC leg, filled. */
    private static TradeSettled settled(String tradeId) {
        BigInteger amountIn = BigInteger.valueOf(1_000_000_000L);
        BigInteger out = BigInteger.valueOf(149_625_000L);
        RouteDecided decision = RouteDecidedMother.routeDecided(tradeId, SOL, USDC,
                List.of(RouteDecidedMother.otcLeg(tradeId + "-otc", "pool", "q-" + tradeId, amountIn, out, out)))
                .build();
        return TradeSettledMother.filled(decision, out, decision.getOccurredAt()).build();
    }

    private static LegExecuted leg(String tradeId, String legId) {
        RouteLeg leg = RouteDecidedMother.leg(legId, Venue.DEX, null, "q-" + legId, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE);
        return LegExecutedMother.filled(tradeId, leg, BigInteger.ONE, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
