package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.events.PriceUpdated;

/**
 * Projects {@code Topics.PRICES_UPDATED} into the latest price per symbol.
 * Duplicates and late records: older or repeated updates are ignored by the view.
 * Group and offsets come from the consumer configuration: a fresh group replayed from the earliest offset.
 */
@Component
class PriceListener {

    private final PriceView priceView;

    PriceListener(PriceView priceView) {
        this.priceView = priceView;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}")
    void on(PriceUpdated event) {
        priceView.apply(event);
    }
}
