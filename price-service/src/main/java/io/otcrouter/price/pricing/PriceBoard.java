package io.otcrouter.price.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Owns the reference USD price of every catalog token and where it came from. A refresh round asks the sources
 * in order (the first that answers a token wins); a token no source answered gets its static price, marked
 * STATIC and stale, so the board always has a price for every token. Caching and circuit breakers belong to the
 * sources, not here.
 */
public class PriceBoard {

    private static final Logger log = LoggerFactory.getLogger(PriceBoard.class);

    private final TokenCatalog catalog;
    private final List<PriceSourceClient> sources;
    private final Clock clock;
    private volatile PriceSnapshot current;

    public PriceBoard(TokenCatalog catalog, List<PriceSourceClient> sources, Clock clock) {
        this.catalog = catalog;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.current = staticSnapshot();
    }

    public PriceSnapshot current() {
        return current;
    }

    /** Runs one round over all sources and replaces the board's prices; returns the new prices. */
    public synchronized PriceSnapshot refresh() {
        Map<String, TokenPrice> found = new LinkedHashMap<>();
        List<Token> missing = catalog.all();
        for (PriceSourceClient source : sources) {
            if (missing.isEmpty()) {
                break;
            }
            Map<String, SourcePrice> answered = ask(source, missing);
            List<Token> stillMissing = new ArrayList<>();
            for (Token token : missing) {
                SourcePrice price = answered.get(token.symbol());
                if (price != null) {
                    found.put(token.symbol(), TokenPrice.live(token, price, source.source()));
                } else {
                    stillMissing.add(token);
                }
            }
            missing = stillMissing;
        }
        Instant now = clock.instant();
        if (!missing.isEmpty()) {
            log.info("No live price for {}; using static prices", missing.stream().map(Token::symbol).toList());
        }
        Map<String, TokenPrice> ordered = new LinkedHashMap<>();
        for (Token token : catalog.all()) {
            ordered.put(token.symbol(), found.getOrDefault(token.symbol(), TokenPrice.fallback(token, now)));
        }
        current = new PriceSnapshot(ordered, now);
        return current;
    }

    private Map<String, SourcePrice> ask(PriceSourceClient source, List<Token> tokens) {
        try {
            return source.fetch(tokens);
        } catch (PriceSourceUnavailableException e) {
            log.warn("{} unavailable this round: {}", source.source(), e.getMessage());
        } catch (RuntimeException e) {
            // A defect in one source must not stop the round: the next source or the static price takes over.
            log.error("{} failed unexpectedly", source.source(), e);
        }
        return Map.of();
    }

    private PriceSnapshot staticSnapshot() {
        Instant now = clock.instant();
        Map<String, TokenPrice> prices = new LinkedHashMap<>();
        catalog.all().forEach(token -> prices.put(token.symbol(), TokenPrice.fallback(token, now)));
        return new PriceSnapshot(prices, now);
    }
}
