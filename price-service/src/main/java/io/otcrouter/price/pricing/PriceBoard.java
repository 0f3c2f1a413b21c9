package io.otcrouter.price.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Owns the reference USD price of every catalog token and where it came from. A refresh round takes every token
 * still fresh in the {@link PriceCache} without asking anyone, then asks the sources in order for the rest, each
 * for the tokens the previous ones did not answer (a source that knows only some tokens fills those). A token
 * no source answered keeps its previous live price marked stale, or gets its static price (STATIC, stale), so
 * the board always has a price for every token. Rate limits and circuit breakers belong to the sources
 * ({@link GuardedPriceSource}), not here.
 */
public class PriceBoard {

    private static final Logger log = LoggerFactory.getLogger(PriceBoard.class);

    private final TokenCatalog catalog;
    private final List<PriceSourceClient> sources;
    private final PriceCache cache;
    private final Clock clock;
    private volatile PriceSnapshot current;

    /** A board whose live prices are cached for {@link PriceCache#DEFAULT_TTL}. */
    public PriceBoard(TokenCatalog catalog, List<PriceSourceClient> sources, Clock clock) {
        this(catalog, sources, new PriceCache(PriceCache.DEFAULT_TTL, clock), clock);
    }

    public PriceBoard(TokenCatalog catalog, List<PriceSourceClient> sources, PriceCache cache, Clock clock) {
        this.catalog = catalog;
        this.sources = List.copyOf(sources);
        this.cache = cache;
        this.clock = clock;
        this.current = staticSnapshot();
    }

    public PriceSnapshot current() {
        return current;
    }

    /** Runs one round over all sources and replaces the board's prices; returns the new prices. */
    public synchronized PriceSnapshot refresh() {
        Map<String, TokenPrice> found = new LinkedHashMap<>();
        List<Token> missing = new ArrayList<>();
        for (Token token : catalog.all()) {
            TokenPrice cached = cache.fresh(token.symbol());
            if (cached != null) {
                found.put(token.symbol(), cached);
            } else {
                missing.add(token);
            }
        }
        for (PriceSourceClient source : sources) {
            if (missing.isEmpty()) {
                break;
            }
            Map<String, SourcePrice> answered = ask(source, missing);
            List<Token> stillMissing = new ArrayList<>();
            for (Token token : missing) {
                SourcePrice price = answered.get(token.symbol());
                if (price != null) {
                    TokenPrice live = TokenPrice.live(token, price, source.source());
                    cache.put(live);
                    found.put(token.symbol(), live);
                } else {
                    stillMissing.add(token);
                }
            }
            missing = stillMissing;
        }
        Instant now = clock.instant();
        if (!missing.isEmpty()) {
            log.info("No live price for {}; keeping the last live price as stale, else the static price",
                    missing.stream().map(Token::symbol).toList());
        }
        Map<String, TokenPrice> ordered = new LinkedHashMap<>();
        for (Token token : catalog.all()) {
            TokenPrice price = found.get(token.symbol());
            ordered.put(token.symbol(), price != null ? price : lastResort(token, now));
        }
        current = new PriceSnapshot(ordered, now);
        return current;
    }

    /** The previous live price, now stale, beats the static one: it is a real market price, only older. */
    private TokenPrice lastResort(Token token, Instant now) {
        TokenPrice previous = current.prices().get(token.symbol());
        if (previous != null && previous.source() != PriceSource.STATIC) {
            return previous.asStale();
        }
        return TokenPrice.fallback(token, now);
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
