package io.otcrouter.price.pricing;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Shows on a dashboard where each token's price comes from right now, read from the board's current snapshot at
 * scrape time (nothing to keep in sync with the refresh round).
 *
 * <p>{@code otc.price.source.in_use} (tags {@code symbol}, {@code source}) is 1 for the source supplying the token
 * and 0 for every other, so {@code max by (source)} or {@code sum by (source)} answers "how many tokens run on
 * the static fallback". The {@code source} tag is lower-case like the one of {@code otc.price.source.requests}, so
 * the two join in PromQL. {@code otc.price.stale} (tag {@code symbol}) is 1 while the token's price is not live.
 * Series are fixed up front, catalog tokens times price sources: low cardinality, and a 0 is scraped rather than
 * a series that disappears.
 */
public class PriceBoardMetrics implements MeterBinder {

    private final PriceBoard board;
    private final TokenCatalog catalog;

    public PriceBoardMetrics(PriceBoard board, TokenCatalog catalog) {
        this.board = board;
        this.catalog = catalog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Token token : catalog.all()) {
            String symbol = token.symbol();
            for (PriceSource source : PriceSource.values()) {
                Gauge.builder("otc.price.source.in_use", board, b -> inUse(b, symbol, source))
                        .description("1 when this source supplies the token's current price, else 0")
                        .tag("symbol", symbol).tag("source", source.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
            Gauge.builder("otc.price.stale", board, b -> stale(b, symbol))
                    .description("1 when the token's current price is not live (static or an unrenewed old price)")
                    .tag("symbol", symbol).register(registry);
        }
    }

    private static double inUse(PriceBoard board, String symbol, PriceSource source) {
        TokenPrice price = board.current().prices().get(symbol);
        return price != null && price.source() == source ? 1 : 0;
    }

    private static double stale(PriceBoard board, String symbol) {
        TokenPrice price = board.current().prices().get(symbol);
        return price == null || price.stale() ? 1 : 0;
    }
}
