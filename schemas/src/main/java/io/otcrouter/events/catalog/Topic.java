package io.otcrouter.events.catalog;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the event contract: its name, the type of its key and value, the one service that writes it,
 * and how long Kafka keeps it. Every key is a String (symbol, pair, tradeId or poolId, see {@link #keyMeaning}).
 *
 * @param name        the topic name, {@code otc.<entity>.<past-tense event>.v<N>}
 * @param keyMeaning  what the String key holds; it decides which events keep their relative order
 * @param valueType   the Avro record written to the topic
 * @param writer      the module that owns (declares and writes) the topic
 * @param retentionMs how long records are kept; empty for compacted or kept-forever topics
 * @param compacted   whether only the latest record per key is kept
 */
public record Topic<V extends SpecificRecord>(
        String name, String keyMeaning, Class<V> valueType, String writer, Optional<Long> retentionMs,
        boolean compacted) {

    /** Suffix of the dead-letter topic that receives records this topic's consumers could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** The topic as its writing service declares it at start-up. */
    public NewTopic newTopic(int partitions, short replicationFactor) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        if (compacted) {
            return topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        String retention = retentionMs.map(String::valueOf).orElse("-1");
        return topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention));
    }

    /** The dead-letter topic; the consuming service declares it, with the main topic's partition count. */
    public NewTopic newDeadLetterTopic(int partitions, short replicationFactor) {
        return new NewTopic(deadLetterTopic(), partitions, replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.SEVEN_DAYS_MS)));
    }
}
