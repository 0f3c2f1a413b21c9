package io.otcrouter.price.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.otcrouter.events.PriceSource;
import io.otcrouter.price.pricing.PriceSnapshot;
import io.otcrouter.price.pricing.TokenPrice;

/**
 * Body of {@code GET /api/prices}, the original project's shape plus where the prices came from. A screen shows
 * "Live CoinGecko / Live Kraken / Live Binance" from {@code status} LIVE and {@code primarySource}, and
 * "Offline" from {@code status} OFFLINE.
 *
 * @param prices        by token symbol, in catalog order
 * @param source        the one source every token came from, or {@value #MIXED}
 * @param primarySource the first source in failover order (COINGECKO, KRAKEN, BINANCE) that supplied a live price
 *                      for at least one token; STATIC when none did
 * @param status        LIVE when at least one price is live and fresh; STALE when live prices exist but all are
 *                      past the cache lifetime; OFFLINE when every price is STATIC
 * @param updatedAt     when the last refresh round ran
 */
public record PricesResponse(Map<String, PriceView> prices, String source, String primarySource, String status,
        Instant updatedAt) {

    static final String MIXED = "MIXED";
    static final String LIVE = "LIVE";
    static final String STALE = "STALE";
    static final String OFFLINE = "OFFLINE";

    public static PricesResponse of(PriceSnapshot snapshot) {
        Map<String, PriceView> prices = new LinkedHashMap<>();
        snapshot.prices().forEach((symbol, price) -> prices.put(symbol, PriceView.of(price)));
        PriceSource primary = primarySource(snapshot);
        return new PricesResponse(prices, overallSource(snapshot), primary.name(), status(snapshot, primary),
                snapshot.updatedAt());
    }

    private static String overallSource(PriceSnapshot snapshot) {
        Set<String> sources = snapshot.all().stream().map(TokenPrice::source).map(Enum::name)
                .collect(Collectors.toSet());
        return sources.size() == 1 ? sources.iterator().next() : MIXED;
    }

    /** The contract's enum lists the live sources in failover order, STATIC last. */
    private static PriceSource primarySource(PriceSnapshot snapshot) {
        return snapshot.all().stream().map(TokenPrice::source).min(Comparator.naturalOrder())
                .orElse(PriceSource.STATIC);
    }

    private static String status(PriceSnapshot snapshot, PriceSource primary) {
        if (primary == PriceSource.STATIC) {
            return OFFLINE;
        }
        boolean anyFresh = snapshot.all().stream().anyMatch(price -> price.source() != PriceSource.STATIC
                && !price.stale());
        return anyFresh ? LIVE : STALE;
    }
}
