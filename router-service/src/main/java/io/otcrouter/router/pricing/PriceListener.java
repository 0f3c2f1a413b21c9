package io.otcrouter.router.pricing;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.PriceUpdated;

/** Replays the compacted price topic from the start in a group of its own, so every instance knows every price. */
@Component
class PriceListener {

    private final ReferencePrices prices;

    PriceListener(ReferencePrices prices) {
        this.prices = prices;
    }

    @KafkaListener(id = "router-prices", groupId = "router-prices-#{T(java.util.UUID).randomUUID()}",
            topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}",
            properties = "auto.offset.reset=earliest")
    void on(PriceUpdated price) {
        prices.update(price);
    }
}
