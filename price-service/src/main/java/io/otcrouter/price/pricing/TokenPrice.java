package io.otcrouter.price.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;

/**
 * The reference price of one token as the board holds it, with where it came from.
 *
 * @param stale true when the price is not live (STATIC fallback)
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

    public String symbol() {
        return token.symbol();
    }
}
