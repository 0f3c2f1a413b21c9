package io.otcrouter.price.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One token's price as a source reported it.
 *
 * @param priceUsd     USD price, exactly as the source wrote it
 * @param change24hPct 24-hour change in percent, or null when the source does not say
 * @param observedAt   when the source observed the price (not when we asked)
 */
public record SourcePrice(BigDecimal priceUsd, BigDecimal change24hPct, Instant observedAt) {

    public SourcePrice {
        Objects.requireNonNull(priceUsd, "priceUsd");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
