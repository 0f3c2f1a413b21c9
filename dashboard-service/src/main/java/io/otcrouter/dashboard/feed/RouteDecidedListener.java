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
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.ROUTES_DECIDED} into the window of recent decisions by tradeId. Duplicates and late records:
 * a record before the offset the projection expects is dropped, and the first decision of a trade in the window wins.
 * Where it reads from: when it gets its partitions, the newest snapshot is restored and each partition is read from
 * the lowest offset the window holds, not from the beginning of the topic.
 */
@Component
class RouteDecidedListener implements ConsumerSeekAware {

    private final RouteDecisionProjection routeDecisionProjection;
    private final ReadModelCheckpoints checkpoints;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    RouteDecidedListener(RouteDecisionProjection routeDecisionProjection, ReadModelCheckpoints checkpoints,
            ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.routeDecisionProjection = routeDecisionProjection;
        this.checkpoints = checkpoints;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.Names.ROUTES_DECIDED)
    void on(RouteDecided event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
            @Header(KafkaHeaders.OFFSET) long offset) {
        if (routeDecisionProjection.apply(event, partition, offset)) {
            changes.changed(ReadModelPart.TRADES);
        }
        appliedEvents.applied(Topics.ROUTES_DECIDED);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        checkpoints.restoreOnce();
        ResumePositions.seek(assignments, callback, routeDecisionProjection::resumeOffset);
    }
}
