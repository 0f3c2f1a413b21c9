package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.otcrouter.events.PriceSource;
import io.otcrouter.kafka.prices.ReferencePrice;

/**
 * The fair exchange rate at the reference prices, in output atomic units per input atomic unit, when both prices
 * are known; {@code caveat} says why it cannot be trusted as a live price (a STATIC or stale price), null when it
 * can. The price band is applied more loosely against an untrusted reference, and the decision says so.
 */
public record ReferenceRate(BigDecimal rate, String caveat) {

    /** A rate from live, fresh prices. */
    public static ReferenceRate live(BigDecimal rate) {
        return new ReferenceRate(rate, null);
    }

    /**
     * @param maxAge a price observed longer ago than this is stale, whatever its source says
     */
    public static Optional<ReferenceRate> of(TradeIntent intent, Optional<ReferencePrice> input,
            Optional<ReferencePrice> output, Instant now, Duration maxAge) {
        if (input.isEmpty() || output.isEmpty() || output.get().priceUsd().signum() <= 0) {
            return Optional.empty();
        }
        // (input USD / output USD) token units, rescaled from input decimals to output decimals.
        BigDecimal rate = input.get().priceUsd().divide(output.get().priceUsd(), DepthCurve.MATH)
                .movePointRight(intent.output().decimals() - intent.input().decimals());
        List<String> caveats = new ArrayList<>();
        caveat(intent.input().symbol(), input.get(), now, maxAge).ifPresent(caveats::add);
        caveat(intent.output().symbol(), output.get(), now, maxAge).ifPresent(caveats::add);
        return Optional.of(new ReferenceRate(rate, caveats.isEmpty() ? null : String.join(" and ", caveats)));
    }

    boolean trusted() {
        return caveat == null;
    }

    private static Optional<String> caveat(String symbol, ReferencePrice price, Instant now, Duration maxAge) {
        if (price.source() == PriceSource.STATIC) {
            return Optional.of(symbol + "'s reference price is STATIC (offline)");
        }
        Duration age = price.age(now);
        if (price.stale() || age.compareTo(maxAge) > 0) {
            return Optional.of(symbol + "'s reference price is stale (" + age.toMinutes() + " min old)");
        }
        return Optional.empty();
    }
}
