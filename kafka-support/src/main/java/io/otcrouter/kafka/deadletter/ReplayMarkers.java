package io.otcrouter.kafka.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Which dead letters have been replayed: one record per replayed dead letter on a compacted topic, keyed by the dead
 * letter's {@code <dlt>/<partition>/<offset>} and written in the same Kafka transaction as the replayed record, so
 * a replay and its marker exist together or not at all. Kept 30 days, well past the 7 days a {@code .DLT} keeps its
 * records: a dead letter that is gone cannot be replayed anyway.
 *
 * <p>The topic is kafka-support's own bookkeeping, not an event of the contract (it carries no Avro event and no one
 * else reads it), which is why its name lives here and not in the {@code Topics} catalog. Every service declares it
 * (the same way, so whichever starts first creates it) and they all share it, as they share a {@code .DLT}.
 */
final class ReplayMarkers {

    static final String TOPIC = "otc.dead-letters.replayed.v1";
    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    private ReplayMarkers() {
    }

    static NewTopic newTopic(short replicationFactor) {
        return new NewTopic(TOPIC, 1, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(THIRTY_DAYS_MS)));
    }

    /** The ids of every dead letter replayed so far (committed replays only). */
    static Set<String> load(DeadLetterKafka kafka) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            consumer.assign(List.of(partition));
            long from = consumer.beginningOffsets(List.of(partition)).get(partition);
            long until = consumer.endOffsets(List.of(partition)).get(partition);
            Set<String> replayed = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> marker
                    : kafka.read(consumer, partition, from, until, Integer.MAX_VALUE)) {
                if (marker.key() != null && marker.value() != null) {
                    replayed.add(new String(marker.key(), StandardCharsets.UTF_8));
                }
            }
            return replayed;
        }
    }

    /** The marker of {@code letter}; its value says where and by whom, for whoever looks at the topic. */
    static ProducerRecord<byte[], byte[]> of(DeadLetter letter, String service) {
        String note = "replayed to " + letter.replayTopic() + "-" + letter.originalPartition() + " by " + service;
        return new ProducerRecord<>(TOPIC, 0, letter.id().getBytes(StandardCharsets.UTF_8),
                note.getBytes(StandardCharsets.UTF_8));
    }
}
