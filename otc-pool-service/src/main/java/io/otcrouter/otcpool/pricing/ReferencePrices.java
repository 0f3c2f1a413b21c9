package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The latest reference USD price of each token, by mint, as price-service last published it. Kept in memory
 * only: the prices topic is compacted, so a restarted instance reads the latest price of every token again.
 */
@Component
public class ReferencePrices {

    private final Map<String, Observed> byMint = new ConcurrentHashMap<>();

    /**
     * Records a price unless a newer observation of the same token is already known: redelivered or reordered
     * records never move the price backwards in time.
     */
    public void update(String mint, BigDecimal priceUsd, Instant observedAt) {
        Observed candidate = new Observed(priceUsd, observedAt);
        byMint.merge(mint, candidate, (known, incoming) -> incoming.observedAt().isBefore(known.observedAt())
                ? known : incoming);
    }

    public Optional<BigDecimal> usdPrice(String mint) {
        return Optional.ofNullable(byMint.get(mint)).map(Observed::priceUsd);
    }

    private record Observed(BigDecimal priceUsd, Instant observedAt) {
    }
}
