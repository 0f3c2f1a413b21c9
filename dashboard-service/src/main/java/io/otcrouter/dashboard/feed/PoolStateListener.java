package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.readmodel.PoolProjection;
import io.otcrouter.dashboard.readmodel.ReadModelChanges;
import io.otcrouter.dashboard.readmodel.ReadModelPart;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.POOLS_CHANGED} into the latest state per pool.
 * Duplicates and late records: older or repeated states are ignored by the projection.
 * Group and offsets come from the consumer configuration: a fresh group that reads the compacted topic from the
 * earliest offset (one record per key once compacted), which the snapshot therefore leaves out.
 */
@Component
class PoolStateListener {

    private final PoolProjection poolProjection;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    PoolStateListener(PoolProjection poolProjection, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.poolProjection = poolProjection;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.Names.POOLS_CHANGED)
    void on(PoolStateChanged event) {
        poolProjection.apply(event);
        changes.changed(ReadModelPart.POOLS);
        appliedEvents.applied(Topics.POOLS_CHANGED);
    }
}
