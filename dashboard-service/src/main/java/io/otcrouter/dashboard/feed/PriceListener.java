package io.otcrouter.dashboard.feed;

import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.readmodel.PriceProjection;
import io.otcrouter.dashboard.readmodel.ReadModelChanges;
import io.otcrouter.dashboard.readmodel.ReadModelPart;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.prices.EnableReferencePrices;
import io.otcrouter.kafka.prices.ReferencePriceListener;

/**
 * Projects {@code Topics.PRICES_UPDATED} into the latest price per symbol, with its source and age for the ticker.
 * The prices are read as every pricing service reads them (kafka-support's reference-price reader: the whole
 * compacted topic from the beginning, by each instance, nothing committed), so the snapshot leaves them out.
 * Duplicates and late records: the reader passes on only what its cache took, and the projection ignores older updates.
 */
@Component
@EnableReferencePrices
class PriceListener implements ReferencePriceListener {

    private final PriceProjection priceProjection;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    PriceListener(PriceProjection priceProjection, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.priceProjection = priceProjection;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @Override
    public void priceUpdated(PriceUpdated event) {
        priceProjection.apply(event);
        changes.changed(ReadModelPart.PRICES);
        appliedEvents.applied(Topics.PRICES_UPDATED);
    }
}
