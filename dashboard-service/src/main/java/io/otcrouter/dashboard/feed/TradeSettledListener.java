package io.otcrouter.dashboard.feed;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.snapshot.ReadModelCheckpoints;
import io.otcrouter.dashboard.readmodel.ReadModelChanges;
import io.otcrouter.dashboard.readmodel.ReadModelPart;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.TRADES_SETTLED} into the settled-trade aggregates, analytics and the recent window.
 * Duplicates: a record before the offset the projection expects, or a TradeSettled whose revision is not above the
 * latest one seen of its trade among the last settlements of its partition, is ignored by the projection; a correction
 * (the next revision) replaces the trade's previous contribution. Where it reads from: when it gets its partitions,
 * the newest snapshot is restored and each partition is read from the offset the projection expects (the lowest offset
 * its windows hold), not from the beginning of the topic.
 */
@Component
class TradeSettledListener implements ConsumerSeekAware {

    private final SettlementProjection settlements;
    private final ReadModelCheckpoints checkpoints;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    TradeSettledListener(SettlementProjection settlements, ReadModelCheckpoints checkpoints,
            ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.settlements = settlements;
        this.checkpoints = checkpoints;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.Names.TRADES_SETTLED)
    void on(TradeSettled event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
            @Header(KafkaHeaders.OFFSET) long offset) {
        if (settlements.apply(event, partition, offset)) {
            changes.changed(ReadModelPart.TRADES);
        }
        appliedEvents.applied(Topics.TRADES_SETTLED);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        checkpoints.restoreOnce();
        ResumePositions.seek(assignments, callback, settlements::resumeOffset);
    }
}
