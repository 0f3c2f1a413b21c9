package io.otcrouter.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * What the router published on the embedded broker: to show that a refused request published nothing, to read
 * a decision, or to count the records on a topic (a dead-letter topic, say).
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
        return (RouteDecided) decisionRecord(clientOrderId).value();
    }

    /** The record of that decision, headers and all. */
    ConsumerRecord<String, Object> decisionRecord(String clientOrderId) {
        try (TopicReader<Object> decisions = TopicReader.uncommitted(brokers, Topics.ROUTES_DECIDED.name(),
                new FakeVenues.AvroEventDeserializerAdapter())) {
            return decisions.awaitRecord(record -> isFor(clientOrderId, record));
        }
    }

    /** How many records were ever written to the topic, over all its partitions. */
    long endOffsets(String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "offsets-" + UUID.randomUUID());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static boolean isFor(String clientOrderId, ConsumerRecord<String, Object> record) {
        return clientOrderId.equals(((RouteDecided) record.value()).getClientOrderId());
    }
}
