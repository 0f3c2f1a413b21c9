package io.otcrouter.price.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.otcrouter.events.PriceChangeBasis;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;

/**
 * The reference price of one token as the board holds it, with where it came from.
 *
 * @param stale true when the price is not live: STATIC fallback, or a live price older than the cache lifetime
 *              that no source could renew
 */
public record TokenPrice(Token token, BigDecimal priceUsd, BigDecimal change24hPct, PriceSource source,
        Instant observedAt, boolean stale) {

    public TokenPrice {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(priceUsd, "priceUsd");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    static TokenPrice live(Token token, SourcePrice price, PriceSource source) {
        return new TokenPrice(token, price.priceUsd(), price.change24hPct(), source, price.observedAt(), false);
    }

    static TokenPrice fallback(Token token, Instant now) {
        return new TokenPrice(token, token.staticPriceUsd(), null, PriceSource.STATIC, now, true);
    }

    /** The same price, marked stale: kept because no source could renew it. */
    TokenPrice asStale() {
        return stale ? this : new TokenPrice(token, priceUsd, change24hPct, source, observedAt, true);
    }

    /**
     * What {@link #change24hPct} is measured against; it depends on the source: CoinGecko and Binance give a
     * rolling 24 hours, Kraken's ticker only today's open (00:00 UTC). Null when there is no change.
     */
    public PriceChangeBasis changeBasis() {
        if (change24hPct == null) {
            return null;
        }
        return switch (source) {
            case COINGECKO, BINANCE -> PriceChangeBasis.ROLLING_24H;
            case KRAKEN -> PriceChangeBasis.SINCE_UTC_DAY_OPEN;
            case STATIC -> null;
        };
    }

    public String symbol() {
        return token.symbol();
    }
}
