package io.otcrouter.quote;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.quote.quoting.QuoteResponder;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;

/** quote-service in simulated mode against a real (embedded, KRaft) broker, serving HTTP on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=simulated",
        "otc.jupiter.base-url=http://localhost:9/unused",
        "otc.kafka.retry-initial=50ms", "otc.kafka.retry-max=200ms",
        "otc.security.api-keys=quote-it:metrics:" + QuoteServiceIT.METRICS_KEY_DIGEST})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
@ExtendWith(OutputCaptureExtension.class)
class QuoteServiceIT {

    static final String METRICS_KEY = "quote-it-metrics-key-81d0";
    /** printf %s "$METRICS_KEY" | sha256sum */
    static final String METRICS_KEY_DIGEST = "c5e06ddb59b95efccd007aa1ed1519194d3c02b079e454f7915b551f32f18310";

    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @LocalServerPort
    private int port;
    @MockitoSpyBean
    private QuoteResponder responder;

    private void publish(QuoteRequested request) {
        kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request).join();
    }

    private JupiterQuoted awaitAnswer(String requestId) {
        return (JupiterQuoted) awaitAnswerRecord(requestId).value();
    }

    private ConsumerRecord<String, Object> awaitAnswerRecord(String requestId) {
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_QUOTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return reader.awaitRecord(record -> record.value() instanceof JupiterQuoted quoted
                    && quoted.getRequestId().equals(requestId));
        }
    }

    /**
     * Sends the values in one producer batch, which the broker appends and hands out whole, so the listener gets
     * them in one poll.
     */
    private void publishInOneBatch(String topic, String key, byte[]... values) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 60_000); // nothing leaves before flush()
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }

    private LegExecuted awaitLeg(String tradeId) {
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_EXECUTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return (LegExecuted) reader.awaitRecord(r -> tradeId.equals(r.key())).value();
        }
    }

    private static String tradeIdHeader(ConsumerRecord<String, ?> record) {
        Header header = record.headers().lastHeader(TradeIds.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldServeHealthToAnyoneAndMetricsOnlyToAMetricsKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private String scrapePrometheus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("X-API-Key", METRICS_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The exposition lines of one metric (exact name) that carry every given label="value". */
    private static List<String> series(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
    }

    @Test
    void shouldAnswerAQuoteRequestFromTheSimulatedPools() {
        String requestId = UUID.randomUUID().toString();

        publish(TestEvents.solToUsdcRequest(requestId, THOUSAND));

        JupiterQuoted quoted = awaitAnswer(requestId);
        assertThat(quoted.getSource()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quoted.getPair()).isEqualTo("SOL/USDC");
        assertThat(EventDecimals.toAtomic(quoted.getInAmount())).isEqualTo(SOL.toAtomic(THOUSAND));
        assertThat(EventDecimals.toAtomic(quoted.getOutAmount()))
                .isBetween(USDC.toAtomic(new BigDecimal("140000")), USDC.toAtomic(new BigDecimal("150000")));
        assertThat(quoted.getDepthCurve()).hasSize(5);
    }

    @Test
    void shouldFillTheDexLegOfADecidedRoute() {
        String tradeId = UUID.randomUUID().toString();
        BigInteger tenSol = SOL.toAtomic(BigDecimal.TEN);
        RouteDecided decision = TestEvents.routeDecided(tradeId,
                TestEvents.dexLeg("leg-dex-1", tenSol, USDC.toAtomic(new BigDecimal("1400"))));

        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), tradeId, decision).join();

        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_EXECUTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            ConsumerRecord<String, Object> record = reader.awaitRecord(r -> tradeId.equals(r.key()));
            LegExecuted leg = (LegExecuted) record.value();
            assertThat(tradeIdHeader(record)).isEqualTo(tradeId);
            assertThat(leg.getTradeId()).isEqualTo(tradeId);
            assertThat(leg.getLegId()).isEqualTo("leg-dex-1");
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(leg.getQuoteSource()).isEqualTo(QuoteSource.SIMULATED);
            assertThat(EventDecimals.toAtomic(leg.getOutAmount()))
                    .isGreaterThanOrEqualTo(USDC.toAtomic(new BigDecimal("1400")));
        }
    }

    @Test
    void shouldDeadLetterAGarbageQuoteRequestAndStillAnswerTheNextOne() {
        byte[] garbage = ("not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String requestId = UUID.randomUUID().toString();

        kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), "SOL/USDC", garbage).join();
        publish(TestEvents.solToUsdcRequest(requestId, BigDecimal.ONE));

        try (TopicReader<byte[]> deadLetters = new TopicReader<>(broker, Topics.QUOTES_REQUESTED.deadLetterTopic(),
                new ByteArrayDeserializer())) {
            assertThat(deadLetters.awaitRecord(record -> Arrays.equals(record.value(), garbage)).key())
                    .isEqualTo("SOL/USDC");
        }
        assertThat(awaitAnswer(requestId).getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
    }

    @Test
    void shouldDeadLetterAPoisonPillInTheMiddleOfABatchAndAnswerTheRequestsBeforeAndAfterIt() {
        String topic = Topics.QUOTES_REQUESTED.name();
        AvroEventSerializer serializer = new AvroEventSerializer();
        String before = UUID.randomUUID().toString();
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String after = UUID.randomUUID().toString();

        publishInOneBatch(topic, "SOL/USDC",
                serializer.serialize(topic, TestEvents.solToUsdcRequest(before, BigDecimal.ONE)), poison,
                serializer.serialize(topic, TestEvents.solToUsdcRequest(after, BigDecimal.ONE)));

        try (TopicReader<byte[]> deadLetters = new TopicReader<>(broker, Topics.QUOTES_REQUESTED.deadLetterTopic(),
                new ByteArrayDeserializer())) {
            assertThat(deadLetters.awaitRecord(record -> Arrays.equals(record.value(), poison)).key())
                    .isEqualTo("SOL/USDC");
        }
        assertThat(awaitAnswer(before).getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(awaitAnswer(after).getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
    }

    @Test
    void shouldRetryARequestWhoseDependencyIsDownUntilItIsAnsweredRatherThanDeadLetterIt() {
        String requestId = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(answer -> {
            QuoteRequested request = answer.getArgument(0);
            if (request.getRequestId().equals(requestId) && attempts.incrementAndGet() <= 4) {
                throw new IllegalStateException("a dependency is down (attempt " + attempts.get() + ")");
            }
            return answer.callRealMethod();
        }).when(responder).answer(any());

        publish(TestEvents.solToUsdcRequest(requestId, BigDecimal.ONE));

        // the old rule gave up after two retries and dead-lettered the request; the shared one waits it out
        assertThat(awaitAnswer(requestId).getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(attempts).hasValue(5);
    }

    @Test
    void shouldStampTheAnswerToATradesQuoteRequestWithThatTradeIdAndLogIt(CapturedOutput output) {
        String tradeId = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        QuoteRequested request = TestEvents.solToUsdcRequest(requestId, BigDecimal.ONE);
        request.setTradeId(tradeId);
        QuoteRequested late = TestEvents.solToUsdcRequest(UUID.randomUUID().toString(), BigDecimal.ONE,
                Instant.now().minusSeconds(60));
        late.setTradeId(tradeId);

        publish(request);
        publish(late);

        // JupiterQuoted has no tradeId field: the header comes from the trade id of the request being handled.
        assertThat(tradeIdHeader(awaitAnswerRecord(requestId))).isEqualTo(tradeId);
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines()
                .anyMatch(line -> line.contains("[trade=" + tradeId + "]")
                        && line.contains("Skipping quote request " + late.getRequestId())));
    }

    @Test
    void shouldExposeItsQuoteFillBudgetAndConsumerLagMetricsToPrometheus() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String tradeId = UUID.randomUUID().toString();
        publish(TestEvents.solToUsdcRequest(requestId, BigDecimal.ONE));
        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), tradeId, TestEvents.routeDecided(tradeId,
                TestEvents.dexLeg("leg-dex-1", SOL.toAtomic(BigDecimal.ONE), BigInteger.ONE))).join();
        awaitAnswer(requestId);
        awaitLeg(tradeId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = scrapePrometheus();
            assertThat(series(scrape, "otc_jupiter_quotes_total", "service=\"quote-service\"",
                    "source=\"SIMULATED\"", "status=\"QUOTED\"", "from_cache=\"false\"")).hasSize(1);
            assertThat(series(scrape, "otc_dex_fills_total", "status=\"FILLED\"")).hasSize(1);
            assertThat(series(scrape, "otc_jupiter_budget_remaining", "service=\"quote-service\"")).hasSize(1);
            assertThat(series(scrape, "kafka_consumer_fetch_manager_records_lag_max",
                    "service=\"quote-service\"")).isNotEmpty();
            assertThat(scrape).doesNotContain(tradeId).doesNotContain(requestId);
        });
    }
}
