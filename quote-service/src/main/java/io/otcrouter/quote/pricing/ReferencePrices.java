package io.otcrouter.quote.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest reference USD price per mint, as published by price-service. Owns one rule: the observation with
 * the latest {@code observedAt} wins, so duplicate and out-of-order deliveries of the compacted prices topic
 * cannot move a price backwards in time.
 */
public class ReferencePrices {

    private final Map<String, Observation> byMint = new ConcurrentHashMap<>();

    /**
     * Records a price unless a newer observation of the same mint is already known.
     *
     * @return whether the price was taken
     */
    public boolean update(String mint, BigDecimal priceUsd, Instant observedAt) {
        if (priceUsd == null || priceUsd.signum() <= 0 || observedAt == null) {
            return false;
        }
        Observation candidate = new Observation(priceUsd, observedAt);
        Observation kept = byMint.merge(mint, candidate,
                (current, incoming) -> incoming.observedAt().isAfter(current.observedAt()) ? incoming : current);
        return kept == candidate;
    }

    public Optional<BigDecimal> usdPrice(String mint) {
        return Optional.ofNullable(byMint.get(mint)).map(Observation::priceUsd);
    }

    private record Observation(BigDecimal priceUsd, Instant observedAt) {
    }
}
