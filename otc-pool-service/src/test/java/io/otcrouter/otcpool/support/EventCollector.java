package io.otcrouter.otcpool.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.serde.AvroEventDeserializer;

/**
 * Reads topics from their beginning with a plain consumer of its own group and keeps every record seen, so a test
 * can wait for the record it is about (matched by requestId or tradeId, never by offset).
 */
public final class EventCollector implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventCollector(String brokers, Collection<String> topics) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
    }

    /** Polls once more and returns every event of {@code type} on {@code topic} matching {@code filter}. */
    public <V extends SpecificRecord> List<V> events(String topic, Class<V> type, Predicate<V> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(r -> r.topic().equals(topic))
                .map(r -> deserializer.deserialize(topic, r.value()))
                .filter(type::isInstance)
                .map(type::cast)
                .filter(filter)
                .toList();
    }

    /** Polls once more and returns the records seen on {@code topic} under {@code key}, headers included. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    /** Polls once more and returns the raw values seen on {@code topic}. */
    public List<byte[]> rawValues(String topic) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> r.topic().equals(topic)).map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
