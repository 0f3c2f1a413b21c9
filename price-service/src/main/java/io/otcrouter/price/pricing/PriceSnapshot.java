package io.otcrouter.price.pricing;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The board's prices after one refresh round, in catalog order, immutable.
 *
 * @param prices    price per token symbol
 * @param updatedAt when the round ran
 */
public record PriceSnapshot(Map<String, TokenPrice> prices, Instant updatedAt) {

    public PriceSnapshot {
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    public Collection<TokenPrice> all() {
        return prices.values();
    }
}
