package io.otcrouter.router.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.otcrouter.events.PriceUpdated;

/**
 * The latest reference USD price per mint, recorded on each decision as the arrival price for transaction-cost
 * analysis. Out-of-order or repeated updates are harmless: an older observation never replaces a newer one.
 */
@Component
public class ReferencePrices {

    private final Map<String, PriceUpdated> byMint = new ConcurrentHashMap<>();

    public void update(PriceUpdated price) {
        byMint.merge(price.getMint(), price,
                (known, incoming) -> incoming.getObservedAt().isBefore(known.getObservedAt()) ? known : incoming);
    }

    /** The latest update for the mint, with its source and age: the router judges whether to trust it. */
    public Optional<PriceUpdated> latest(String mint) {
        return Optional.ofNullable(byMint.get(mint));
    }

    public Optional<BigDecimal> usd(String mint) {
        return Optional.ofNullable(byMint.get(mint)).map(PriceUpdated::getPriceUsd);
    }
}
