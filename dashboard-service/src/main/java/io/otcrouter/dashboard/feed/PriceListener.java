package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.ReadModelChanges;
import io.otcrouter.dashboard.view.ReadModelPart;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.PRICES_UPDATED} into the latest price per symbol.
 * Duplicates and late records: older or repeated updates are ignored by the view.
 * Group and offsets come from the consumer configuration: a fresh group that reads the compacted topic from the
 * earliest offset (one record per key once compacted), which the snapshot therefore leaves out.
 */
@Component
class PriceListener {

    private final PriceView priceView;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    PriceListener(PriceView priceView, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.priceView = priceView;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}")
    void on(PriceUpdated event) {
        priceView.apply(event);
        changes.changed(ReadModelPart.PRICES);
        appliedEvents.applied(Topics.PRICES_UPDATED);
    }
}
