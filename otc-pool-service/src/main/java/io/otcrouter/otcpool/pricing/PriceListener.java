package io.otcrouter.otcpool.pricing;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.PriceUpdated;

/**
 * Feeds reference prices into memory. Duplicates are harmless (same value again) and out-of-order records are
 * dropped by {@link ReferencePrices#update} comparing {@code observedAt}.
 *
 * <p>Every instance needs every token's price, so this listener does not share the service's consumer group (which
 * would split the partitions between instances): it joins a group of its own per instance and, with
 * {@code auto-offset-reset: earliest}, reads the compacted topic from its start at every boot.
 */
@Component
class PriceListener {

    private final ReferencePrices prices;

    PriceListener(ReferencePrices prices) {
        this.prices = prices;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}",
            groupId = "otc-pool-service-prices-#{T(java.util.UUID).randomUUID()}")
    void on(PriceUpdated event) {
        prices.update(event.getMint(), new MarketPrice(event.getPriceUsd(), event.getChange24hPct(), event.getSource(),
                event.getStale(), event.getObservedAt()));
    }
}
