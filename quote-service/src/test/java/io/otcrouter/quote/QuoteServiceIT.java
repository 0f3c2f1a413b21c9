package io.otcrouter.quote;

import static io.otcrouter.quote.TestTokens.SOL;
import static io.otcrouter.quote.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

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

/** quote-service in simulated mode against a real (embedded, KRaft) broker. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=simulated",
        "otc.jupiter.base-url=http://localhost:9/unused"})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class QuoteServiceIT {

    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;

    private void publish(QuoteRequested request) {
        kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request).join();
    }

    private JupiterQuoted awaitAnswer(String requestId) {
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_QUOTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return (JupiterQuoted) reader.awaitRecord(record -> record.value() instanceof JupiterQuoted quoted
                    && quoted.getRequestId().equals(requestId)).value();
        }
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
}
