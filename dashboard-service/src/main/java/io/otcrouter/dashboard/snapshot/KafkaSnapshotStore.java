package io.otcrouter.dashboard.snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Snapshots in a compacted topic under one key, so the broker keeps the newest and drops the rest. Reading takes only
 * the last few records of each partition, never the topic's whole history, and the newest of them that decodes. Its
 * own producer and consumer, with the service's connection settings: the application's template carries Avro events,
 * these are JSON bytes.
 */
public final class KafkaSnapshotStore implements SnapshotStore, AutoCloseable {

    /** The one key every snapshot is written under. */
    public static final String KEY = "read-model";
    /** Records read from the end of each partition: the newest is the last, the others stand in if it is corrupt. */
    private static final int TAIL = 5;
    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * A snapshot is worth little if it is late, and the one written at shutdown must not hold the shutdown up while
     * the broker is down: the producer gives up after this, and the next snapshot (or the one before) serves.
     */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final SnapshotCodec codec = new SnapshotCodec();
    private final Producer<String, byte[]> producer;

    public KafkaSnapshotStore(String topic, Map<String, Object> consumerConfig, Map<String, Object> producerConfig) {
        this.topic = topic;
        this.consumerConfig = new HashMap<>(consumerConfig);
        // Reads by partition and offset: no group, nothing committed.
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producing = new HashMap<>(producerConfig);
        // The trade-id interceptor is for events; a snapshot belongs to no trade.
        producing.remove(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        producing.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.dividedBy(2).toMillis());
        producing.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.dividedBy(2).toMillis());
        producing.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(producing, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Optional<ReadModelSnapshot> latest() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(partition -> consumer.seek(partition,
                    Math.max(begin.get(partition), end.get(partition) - TAIL)));
            List<ConsumerRecord<String, byte[]>> tail = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (KEY.equals(record.key()) && record.value() != null) {
                        tail.add(record);
                    }
                }
            }
            return newestReadable(tail);
        }
    }

    /** The newest snapshot that decodes; an older one of the tail stands in for a corrupt newest. */
    private Optional<ReadModelSnapshot> newestReadable(List<ConsumerRecord<String, byte[]>> tail) {
        tail.sort(Comparator.comparingLong((ConsumerRecord<String, byte[]> record) -> record.timestamp())
                .thenComparingLong(ConsumerRecord::offset).reversed());
        IllegalArgumentException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : tail) {
            try {
                return Optional.of(codec.decode(record.value()));
            } catch (IllegalArgumentException e) {
                unreadable = e;
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return Optional.empty();
    }

    @Override
    public void save(ReadModelSnapshot snapshot) {
        try {
            producer.send(new ProducerRecord<>(topic, KEY, codec.encode(snapshot)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("snapshot not written to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a snapshot", e);
        }
    }

    @Override
    public Map<Integer, Long> endOffsets(String sourceTopic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<Integer, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions(consumer, sourceTopic))
                    .forEach((partition, offset) -> offsets.put(partition.partition(), offset));
            return offsets;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }
}
