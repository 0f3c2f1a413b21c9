package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.TradeStatsView;
import io.otcrouter.events.TradeSettled;

/**
 * Projects {@code Topics.TRADES_SETTLED} into the settled-trade aggregates.
 * Duplicates and late records: a second TradeSettled for a tradeId is ignored by the view.
 * Group and offsets come from the consumer configuration: a fresh group replayed from the earliest offset.
 */
@Component
class TradeSettledListener {

    private final TradeStatsView tradeStatsView;

    TradeSettledListener(TradeStatsView tradeStatsView) {
        this.tradeStatsView = tradeStatsView;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).TRADES_SETTLED.name()}")
    void on(TradeSettled event) {
        tradeStatsView.apply(event);
    }
}
