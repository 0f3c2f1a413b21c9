package io.otcrouter.price.pricing;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;

/**
 * Writes {@link PriceUpdated} keyed by token symbol, so the compacted topic keeps the latest price per token and
 * per-token order holds. A failed send is logged; the next round publishes again anyway.
 */
public class KafkaPriceUpdatedPublisher implements PriceUpdatedPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaPriceUpdatedPublisher.class);

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final Clock clock;

    public KafkaPriceUpdatedPublisher(KafkaTemplate<String, Object> kafkaTemplate, Clock clock) {
        this.kafkaTemplate = kafkaTemplate;
        this.clock = clock;
    }

    @Override
    public void publish(TokenPrice price) {
        PriceUpdated event = toEvent(price);
        kafkaTemplate.send(Topics.PRICES_UPDATED.name(), price.symbol(), event).whenComplete((result, error) -> {
            if (error != null) {
                log.warn("PriceUpdated for {} not published: {}", price.symbol(), error.getMessage());
            }
        });
    }

    PriceUpdated toEvent(TokenPrice price) {
        return PriceUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setSymbol(price.symbol())
                .setMint(price.token().mint())
                .setPriceUsd(EventDecimals.price(price.priceUsd()))
                .setChange24hPct(price.change24hPct() == null ? null : EventDecimals.ratio(price.change24hPct()))
                .setSource(price.source())
                .setObservedAt(price.observedAt())
                .setStale(price.stale())
                .setChange24hBasis(price.changeBasis())
                .build();
    }
}
