package io.otcrouter.dashboard.readmodel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;

/**
 * Latest reference price per token symbol, with its source and stale flag, as the price ticker shows them.
 *
 * <p>Duplicates and order: an update replaces the current one only if it is not older ({@code occurredAt}), so a
 * redelivered or late record never rolls a price back; re-applying the same record is harmless (an upsert).
 * Thread-safe through {@link ConcurrentHashMap#merge}, atomic per symbol.
 */
public final class PriceProjection {

    /** The overall source when the tokens' prices come from different sources. */
    public static final String MIXED = "MIXED";
    /** The overall source before any price arrived. */
    public static final String NONE = "NONE";

    private final Map<String, PriceSnapshot> bySymbol = new ConcurrentHashMap<>();

    public void apply(PriceUpdated event) {
        PriceSnapshot incoming = new PriceSnapshot(event.getSymbol(), event.getPriceUsd(), event.getChange24hPct(),
                event.getSource(), event.getStale(), event.getObservedAt(), event.getOccurredAt());
        bySymbol.merge(incoming.symbol(), incoming,
                (current, update) -> update.updatedAt().isBefore(current.updatedAt()) ? current : update);
    }

    /** Every known price, by symbol. */
    public List<PriceSnapshot> prices() {
        return bySymbol.values().stream().sorted(Comparator.comparing(PriceSnapshot::symbol)).toList();
    }

    public Optional<PriceSnapshot> price(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The source shared by every price, {@link #MIXED} when they differ, {@link #NONE} before any price. */
    public String overallSource() {
        List<PriceSource> sources = bySymbol.values().stream().map(PriceSnapshot::source).distinct().toList();
        if (sources.isEmpty()) {
            return NONE;
        }
        return sources.size() == 1 ? sources.get(0).name() : MIXED;
    }

    /** Whether any shown price is stale (older than price-service's cache lifetime, or STATIC). */
    public boolean anyStale() {
        return bySymbol.values().stream().anyMatch(PriceSnapshot::stale);
    }
}
