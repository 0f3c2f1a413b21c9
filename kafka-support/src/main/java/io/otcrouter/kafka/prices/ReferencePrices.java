package io.otcrouter.kafka.prices;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.otcrouter.events.PriceUpdated;

/**
 * The latest reference USD price of each token, by mint, as price-service last published it on the compacted
 * prices topic. Kept in memory only: {@link ReferencePriceReader} fills it at every start by reading the whole
 * topic, so each instance of a service knows every token's price.
 *
 * <p>One rule: the observation with the latest {@code observedAt} wins, so duplicate, replayed and out-of-order
 * records never move a price backwards in time; a price that is not positive or has no observation time is
 * refused. Thread-safe through {@link ConcurrentHashMap#merge}, atomic per mint.
 */
public class ReferencePrices {

    private final Map<String, ReferencePrice> byMint = new ConcurrentHashMap<>();

    /**
     * Records a published price unless a newer observation of the same token is already known.
     *
     * @return whether the price was taken
     */
    public boolean update(PriceUpdated event) {
        return update(event.getMint(), ReferencePrice.of(event));
    }

    /**
     * Records a price unless a newer observation of the same token is already known.
     *
     * @return whether the price was taken
     */
    public boolean update(String mint, ReferencePrice price) {
        if (mint == null || price.priceUsd() == null || price.priceUsd().signum() <= 0
                || price.observedAt() == null) {
            return false;
        }
        ReferencePrice kept = byMint.merge(mint, price,
                (known, incoming) -> incoming.observedAt().isBefore(known.observedAt()) ? known : incoming);
        return kept == price;
    }

    /** The latest price of the token with its source, stale flag and observation time. */
    public Optional<ReferencePrice> price(String mint) {
        return Optional.ofNullable(byMint.get(mint));
    }

    /** The latest USD price alone, for callers that do not judge its freshness. */
    public Optional<BigDecimal> usdPrice(String mint) {
        return price(mint).map(ReferencePrice::priceUsd);
    }

    /** How many tokens have a price. */
    public int size() {
        return byMint.size();
    }
}
