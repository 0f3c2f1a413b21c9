package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.ReadModelChanges;
import io.otcrouter.dashboard.view.ReadModelPart;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.POOLS_CHANGED} into the latest state per pool.
 * Duplicates and late records: older or repeated states are ignored by the view.
 * Group and offsets come from the consumer configuration: a fresh group that reads the compacted topic from the
 * earliest offset (one record per key once compacted), which the snapshot therefore leaves out.
 */
@Component
class PoolStateListener {

    private final PoolView poolView;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    PoolStateListener(PoolView poolView, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.poolView = poolView;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.Names.POOLS_CHANGED)
    void on(PoolStateChanged event) {
        poolView.apply(event);
        changes.changed(ReadModelPart.POOLS);
        appliedEvents.applied(Topics.POOLS_CHANGED);
    }
}
