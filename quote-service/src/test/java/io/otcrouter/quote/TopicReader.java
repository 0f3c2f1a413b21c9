package io.otcrouter.quote;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Reads one topic from its beginning with a plain consumer until a wanted record shows up. It reads committed
 * records only ({@code read_committed}), as the services downstream of quote-service do; {@link #uncommitted} also
 * sees the records of aborted and open transactions.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    public TopicReader(EmbeddedKafkaBroker broker, String topic, Deserializer<V> valueDeserializer) {
        this(broker, topic, valueDeserializer, "read_committed");
    }

    /** A reader that sees every record in the log, committed, aborted or in an open transaction. */
    public static <V> TopicReader<V> uncommitted(EmbeddedKafkaBroker broker, String topic,
            Deserializer<V> valueDeserializer) {
        return new TopicReader<>(broker, topic, valueDeserializer, "read_uncommitted");
    }

    private TopicReader(EmbeddedKafkaBroker broker, String topic, Deserializer<V> valueDeserializer,
            String isolationLevel) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
        await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record, from the beginning of the topic, that matches. */
    public ConsumerRecord<String, V> awaitRecord(Predicate<ConsumerRecord<String, V>> match) {
        return await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
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
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
