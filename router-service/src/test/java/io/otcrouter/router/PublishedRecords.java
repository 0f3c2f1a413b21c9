package io.otcrouter.router;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;

/**
 * What the router published on the embedded broker: to show that a refused request published nothing, or to read
 * a decision.
 */
final class PublishedRecords {

    private final String brokers;

    PublishedRecords(String brokers) {
        this.brokers = brokers;
    }

    /** Records on the topics a trade request or a quote writes: the quote request and the decision. */
    long count() {
        return endOffsets(Topics.QUOTES_REQUESTED.name()) + endOffsets(Topics.ROUTES_DECIDED.name());
    }

    long decisions() {
        return endOffsets(Topics.ROUTES_DECIDED.name());
    }

    /** The decision published for the trade with this client order id, waiting for it if need be. */
    RouteDecided decision(String clientOrderId) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new FakeVenues.AvroEventDeserializerAdapter())) {
            consumer.subscribe(List.of(Topics.ROUTES_DECIDED.name()));
            List<RouteDecided> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add((RouteDecided) record.value());
                }
                return seen.stream().anyMatch(d -> clientOrderId.equals(d.getClientOrderId()));
            });
            return seen.stream().filter(d -> clientOrderId.equals(d.getClientOrderId())).findFirst().orElseThrow();
        }
    }

    private long endOffsets(String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "offsets-" + UUID.randomUUID());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
