package io.otcrouter.dashboard.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.otcrouter.dashboard.readmodel.PriceSnapshot;
import io.otcrouter.dashboard.readmodel.PriceProjection;
import io.otcrouter.events.PriceSource;

/**
 * {@code GET /api/prices}: the latest price per symbol with its source.
 *
 * @param source overall source: the one every price shares, MIXED, or NONE before any price
 * @param stale  whether any price is stale
 */
record PricesView(String source, boolean stale, Map<String, Price> prices) {

    /** One token's price; {@code change24hPct} is percent, null when the source does not say. */
    record Price(BigDecimal price, BigDecimal change24hPct, PriceSource source, boolean stale, Instant observedAt) {
    }

    static PricesView from(PriceProjection projection) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (PriceSnapshot snapshot : projection.prices()) {
            prices.put(snapshot.symbol(), new Price(snapshot.priceUsd().stripTrailingZeros(),
                    snapshot.change24hPct(), snapshot.source(), snapshot.stale(), snapshot.observedAt()));
        }
        return new PricesView(projection.overallSource(), projection.anyStale(), prices);
    }
}
