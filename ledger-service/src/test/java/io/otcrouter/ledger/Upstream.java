package io.otcrouter.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The services upstream of the ledger, as its ITs play them: they write decisions and leg executions to the topics
 * the ledger reads, keyed by trade id ({@code ConsumedTopics} of test-support declares those topics, as they do in
 * production).
 */
final class Upstream implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;

    Upstream(EmbeddedKafkaBroker broker) {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new AvroEventSerializer());
    }

    /** A decision to the decisions topic, a leg execution to its venue's executions topic; nothing else. */
    void send(SpecificRecord event) {
        if (event instanceof RouteDecided decision) {
            send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
        } else if (event instanceof LegExecuted execution) {
            // Stamped when the venue executed it, as a venue that sends at once does: the ledger's sweep reads how
            // far the leg topics have been read from these timestamps, against its own (test) clock.
            producer.send(new ProducerRecord<>(execution.getVenue() == Venue.DEX ? Topics.JUPITER_EXECUTED.name()
                    : Topics.POOLS_EXECUTED.name(), null, execution.getExecutedAt().toEpochMilli(),
                    execution.getTradeId(), execution));
        }
    }

    /** Any value under any key, such as bytes no decoder reads or an event written with an older schema. */
    void send(String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The ledger's clock standing still until a test moves it, so a settle timeout passes when the test says. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
