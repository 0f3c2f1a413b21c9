package io.otcrouter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.stereotype.Component;

import io.otcrouter.events.catalog.Topics;

/**
 * The error rule on a real broker: a record whose dependency is down waits (its partition with it) and is processed
 * once the dependency is back, never dead-lettered; a record that can never succeed goes to the .DLT at once and
 * the partition moves on.
 */
@SpringBootTest(classes = EventErrorHandlingIT.TestService.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=error-handling-it", "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "otc.kafka.partitions=1", "otc.kafka.retry-initial=50ms", "otc.kafka.retry-max=200ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
class EventErrorHandlingIT {

    static final String TOPIC = Topics.ROUTES_DECIDED.name();

    @SpringBootApplication
    static class TestService {
        @Bean
        EventTopics eventTopics() {
            // Reads decisions (whose .DLT it declares); writes nothing but, for the test, the decisions topic itself.
            return EventTopics.of("router-service", Topics.ROUTES_DECIDED);
        }

        @Bean
        FlakyLedger flakyLedger() {
            return new FlakyLedger();
        }
    }

    /** Stands for a listener whose database is down for its first attempts at the records named "outage-*". */
    @Component
    static class FlakyLedger {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<String> booked = new CopyOnWriteArrayList<>();
        volatile int outageAttempts = 5;

        @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
        void book(String value) {
            int attempt = attempts.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
            if (value.startsWith("outage-") && attempt <= outageAttempts) {
                throw new TransientDataAccessResourceException("PostgreSQL is down (attempt " + attempt + ")");
            }
            if (value.startsWith("poison-")) {
                throw new InvalidEventException("amountIn must be positive");
            }
            booked.add(value);
        }
    }

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private FlakyLedger ledger;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void shouldWaitOutADependencyOutageInOrderAndDeadLetterOnlyWhatCanNeverSucceed() throws Exception {
        kafka.send(TOPIC, "trade-1", "outage-1").get();
        kafka.send(TOPIC, "trade-2", "after-outage-1").get();
        kafka.send(TOPIC, "trade-3", "poison-1").get();
        kafka.send(TOPIC, "trade-4", "after-poison-1").get();

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.booked.contains("after-poison-1"));

        assertThat(ledger.booked).containsExactly("outage-1", "after-outage-1", "after-poison-1");
        assertThat(ledger.attempts.get("outage-1")).hasValue(6);
        assertThat(ledger.attempts.get("poison-1")).as("no retry for poison").hasValue(1);
        assertThat(deadLetters()).containsExactly("poison-1");
    }

    private List<String> deadLetters() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ROUTES_DECIDED.deadLetterTopic()));
            List<String> values = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            return values;
        }
    }
}
