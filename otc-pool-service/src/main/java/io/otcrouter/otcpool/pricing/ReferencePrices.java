package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.otcrouter.events.PriceSource;

/**
 * The latest reference USD price of each token, by mint, as price-service last published it. Kept in memory
 * only: the prices topic is compacted, so a restarted instance reads the latest price of every token again.
 */
@Component
public class ReferencePrices {

    private final Map<String, MarketPrice> byMint = new ConcurrentHashMap<>();

    /**
     * Records a price unless a newer observation of the same token is already known: redelivered or reordered
     * records never move the price backwards in time.
     */
    public void update(String mint, MarketPrice price) {
        byMint.merge(mint, price, (known, incoming) -> incoming.observedAt().isBefore(known.observedAt())
                ? known : incoming);
    }

    /** A live price without 24 h change; kept for callers that only know the number and its time. */
    public void update(String mint, BigDecimal priceUsd, Instant observedAt) {
        update(mint, new MarketPrice(priceUsd, null, PriceSource.COINGECKO, false, observedAt));
    }

    public Optional<MarketPrice> price(String mint) {
        return Optional.ofNullable(byMint.get(mint));
    }

    public Optional<BigDecimal> usdPrice(String mint) {
        return price(mint).map(MarketPrice::priceUsd);
    }
}
