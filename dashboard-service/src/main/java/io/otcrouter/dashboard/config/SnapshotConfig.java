package io.otcrouter.dashboard.config;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.snapshot.KafkaSnapshotStore;
import io.otcrouter.dashboard.snapshot.ReadModelCheckpoints;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.kafka.EventKafkaProperties;

/**
 * The read model's snapshots ({@link ReadModelCheckpoints}): the compacted topic they are kept in, private to
 * dashboard-service and not part of the event contract (no other service reads it), and the store that reads and
 * writes it with the service's Kafka connection settings.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfig {

    /** The topic rolls a segment every hour, so compaction can drop older snapshots: a few megabytes at most. */
    private static final String SEGMENT_MS = String.valueOf(60L * 60 * 1000);

    @Bean
    NewTopic readModelSnapshotTopic(ReadModelProperties readModel, EventKafkaProperties kafka) {
        // One partition: one key, and the newest snapshot is simply the partition's last record.
        return new NewTopic(readModel.snapshotTopic(), 1, kafka.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, SEGMENT_MS));
    }

    @Bean
    KafkaSnapshotStore snapshotStore(ReadModelProperties readModel, KafkaProperties kafka) {
        return new KafkaSnapshotStore(readModel.snapshotTopic(), kafka.buildConsumerProperties(),
                kafka.buildProducerProperties());
    }

    @Bean
    ReadModelCheckpoints readModelCheckpoints(SettlementProjection settlements, RouteDecisionProjection decisions,
            KafkaSnapshotStore snapshotStore, Clock clock) {
        return new ReadModelCheckpoints(settlements, decisions, snapshotStore, clock);
    }
}
