package io.otcrouter.otcpool.quoting;

import java.math.BigInteger;
import java.util.Optional;

import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.TierSchedule;
import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * The size a pool quotes for a request of {@code inAmount}: all of it, or — so the router can split the rest
 * elsewhere instead of losing the pool — the pool's maximum when the trade is larger, or the largest size its output
 * not held by other quotes can pay when that is short. Touches no database: it prices the pool as given.
 */
class QuoteSizer {

    private final PoolPricer pricer;

    QuoteSizer(PoolPricer pricer) {
        this.pricer = pricer;
    }

    /** A size the pool was priced for, its price (accepted or not) and what smaller legs pay by size tier. */
    record Sized(BigInteger inAmount, PoolPrice price, TierSchedule tiers) {
    }

    Sized size(Pool pool, TradeSide side, BigInteger inAmount, ReferencePrice base, ReferencePrice quoteToken) {
        PoolPrice price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
        if (!price.accepted() && aboveMaximum(inAmount, price)) {
            inAmount = price.maxInAmount();
            price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
        }
        if (!price.accepted() && price.spread() != null && price.minInAmount() != null) {
            Optional<BigInteger> payable = largestPayable(pool, side, price.minInAmount(), inAmount, base,
                    quoteToken);
            if (payable.isPresent()) {
                inAmount = payable.get();
                price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
            }
        }
        return new Sized(inAmount, price, pricer.schedule(pool.terms(), side, inAmount, price, base, quoteToken));
    }

    /**
     * The largest input from {@code minIn} below {@code refused} the pool prices and can pay from its free inventory,
     * by bisection (the output grows with the input), or empty when even the minimum is refused.
     */
    private Optional<BigInteger> largestPayable(Pool pool, TradeSide side, BigInteger minIn, BigInteger refused,
            ReferencePrice base, ReferencePrice quoteToken) {
        if (minIn.compareTo(refused) >= 0 || !pricer.price(pool.terms(), side, minIn, base, quoteToken).accepted()) {
            return Optional.empty();
        }
        BigInteger payable = minIn;
        BigInteger tooMuch = refused;
        while (tooMuch.subtract(payable).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = payable.add(tooMuch).shiftRight(1);
            if (pricer.price(pool.terms(), side, mid, base, quoteToken).accepted()) {
                payable = mid;
            } else {
                tooMuch = mid;
            }
        }
        return Optional.of(payable);
    }

    private static boolean aboveMaximum(BigInteger inAmount, PoolPrice price) {
        return price.maxInAmount() != null && price.minInAmount() != null
                && inAmount.compareTo(price.maxInAmount()) > 0
                && price.maxInAmount().compareTo(price.minInAmount()) >= 0;
    }
}
