package io.otcrouter.testsupport.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.serde.AvroEventDeserializer;

/**
 * Reads topics from their beginning with a plain consumer of its own and keeps every record seen, for assertions
 * on what a service published, matched by what they are about (request id, trade id), never by offset. By default it reads committed records only ({@code read_committed}), as the services
 * downstream do; {@link #uncommitted} also sees the records of aborted and open transactions, and {@link #bytes}
 * keeps the values as written, so a poison record on a dead-letter topic reads like any other.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();
    private final AvroEventDeserializer events = new AvroEventDeserializer();

    public TopicReader(EmbeddedKafkaBroker broker, String topic, Deserializer<V> valueDeserializer) {
        this(broker.getBrokersAsString(), List.of(topic), valueDeserializer, "read_committed");
    }

    /** A reader that sees every record in the log, committed, aborted or in an open transaction. */
    public static <V> TopicReader<V> uncommitted(EmbeddedKafkaBroker broker, String topic,
            Deserializer<V> valueDeserializer) {
        return new TopicReader<>(broker.getBrokersAsString(), List.of(topic), valueDeserializer, "read_uncommitted");
    }

    /** The same, on the broker at {@code brokers}. */
    public static <V> TopicReader<V> uncommitted(String brokers, String topic, Deserializer<V> valueDeserializer) {
        return new TopicReader<>(brokers, List.of(topic), valueDeserializer, "read_uncommitted");
    }

    /** A reader of every record in the log with its value as written, decodable or not. */
    public static TopicReader<byte[]> bytes(EmbeddedKafkaBroker broker, String topic) {
        return bytes(broker.getBrokersAsString(), List.of(topic));
    }

    /** The same, for several topics of the broker at {@code brokers}. */
    public static TopicReader<byte[]> bytes(String brokers, Collection<String> topics) {
        return new TopicReader<>(brokers, topics, new ByteArrayDeserializer(), "read_uncommitted");
    }

    private TopicReader(String brokers, Collection<String> topics, Deserializer<V> valueDeserializer,
            String isolationLevel) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "test-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record, from the beginning of the topic, that matches. */
    public ConsumerRecord<String, V> awaitRecord(Predicate<ConsumerRecord<String, V>> match) {
        return await().atMost(WAIT).until(() -> {
            poll();
            return seen.stream().filter(match).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    /**
     * Every record of the topic up to its end as this reader may see it (for read_committed: up to the last stable
     * offset, so none of a transaction still open), read from the beginning.
     */
    public List<ConsumerRecord<String, V>> readToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        await().atMost(WAIT).until(() -> {
            poll();
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return List.copyOf(seen);
    }

    /** Polls briefly and returns every record seen so far with this key. */
    public List<ConsumerRecord<String, V>> recordsWithKey(String key) {
        poll();
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Polls briefly and returns every record seen so far on {@code topic} with this key. */
    public List<ConsumerRecord<String, V>> recordsWithKey(String topic, String key) {
        poll();
        return seen.stream().filter(record -> record.topic().equals(topic) && key.equals(record.key())).toList();
    }

    /** Polls briefly and returns every event seen so far with this key; values as written are decoded first. */
    public List<SpecificRecord> eventsWithKey(String key) {
        return recordsWithKey(key).stream().map(this::event).toList();
    }

    /** Polls briefly and returns every event of {@code type} seen so far on {@code topic} that matches. */
    public <E extends SpecificRecord> List<E> events(String topic, Class<E> type, Predicate<E> match) {
        poll();
        return seen.stream().filter(record -> record.topic().equals(topic)).map(this::event)
                .filter(type::isInstance).map(type::cast).filter(match).toList();
    }

    /** Polls briefly and returns the values seen so far on {@code topic}, as this reader reads them. */
    public List<V> values(String topic) {
        poll();
        return seen.stream().filter(record -> record.topic().equals(topic)).map(ConsumerRecord::value).toList();
    }

    private SpecificRecord event(ConsumerRecord<String, V> record) {
        return record.value() instanceof byte[] written
                ? events.deserialize(record.topic(), written)
                : (SpecificRecord) record.value();
    }

    private void poll() {
        consumer.poll(POLL).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
