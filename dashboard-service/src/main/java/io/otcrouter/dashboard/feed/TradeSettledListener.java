package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.ReadModelChanges;
import io.otcrouter.dashboard.view.ReadModelPart;
import io.otcrouter.dashboard.view.SettlementProjection;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.TRADES_SETTLED} into the settled-trade aggregates, analytics and details.
 * Duplicates and late records: a second TradeSettled for a tradeId is ignored by the projection.
 * Group and offsets come from the consumer configuration: a fresh group replayed from the earliest offset.
 */
@Component
class TradeSettledListener {

    private final SettlementProjection settlements;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    TradeSettledListener(SettlementProjection settlements, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.settlements = settlements;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).TRADES_SETTLED.name()}")
    void on(TradeSettled event) {
        if (settlements.apply(event)) {
            changes.changed(ReadModelPart.TRADES);
        }
        appliedEvents.applied(Topics.TRADES_SETTLED);
    }
}
