package io.otcrouter.kafka.deadletter;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the dead-letter ITs read back from a replay's target topic. */
final class ReplayHeaders {

    private ReplayHeaders() {
    }

    /**
     * The {@code otc-replayed-from} header of every committed record on partition 0 of {@code topic}, in order;
     * {@code null} for a record that is not a replay.
     */
    static List<String> onPartitionZero(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<String> replayedFrom = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header from = record.headers().lastHeader(DeadLetter.REPLAYED_FROM_HEADER);
                    replayedFrom.add(from == null ? null : new String(from.value(), StandardCharsets.UTF_8));
                });
                return consumer.position(partition) >= end;
            });
            return replayedFrom;
        }
    }
}
