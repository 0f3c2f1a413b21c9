package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.random.RandomGenerator;

import io.otcrouter.kafka.prices.ReferencePrice;

/**
 * Works out a pool's spread for one trade: base spread + size tier + inventory skew + volatility add-on (+ optional
 * simulation noise), capped. Plain Java.
 *
 * <p>Skew is measured on the pool's state before the trade, in USD at the reference prices: imbalance =
 * (base value - quote value) / (base value + quote value). A trade whose output is the scarcer side pays
 * {@code skewMaxBps x |imbalance|}; a trade that brings the pool back toward balance pays no skew. A balanced pool
 * (the seeded ones at their seed prices) therefore quotes without skew. Every add-on is rounded down to whole bps.
 */
public class SpreadCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;

    private final SpreadPolicy policy;
    private final RandomGenerator random;

    public SpreadCalculator(SpreadPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    public SpreadCalculator() {
        this(SpreadPolicy.DEFAULTS, RandomGenerator.getDefault());
    }

    /**
     * @param baseEquivalent the trade size in atomic base units (the input itself when selling base)
     */
    public Spread spread(PoolTerms terms, TradeSide side, BigInteger baseEquivalent, ReferencePrice base,
            ReferencePrice quote) {
        return new Spread(terms.spreadBps(), sizeTierBps(terms, baseEquivalent), skewBps(terms, side, base, quote),
                volatilityBps(base, quote), noiseBps(), policy.maxTotalBps());
    }

    static int sizeTierBps(PoolTerms terms, BigInteger baseEquivalent) {
        return terms.sizeTiers().stream()
                .filter(tier -> tier.minTradeBase().compareTo(baseEquivalent) <= 0)
                .max(Comparator.comparing(SizeTier::minTradeBase))
                .map(SizeTier::addBps)
                .orElse(0);
    }

    int skewBps(PoolTerms terms, TradeSide side, ReferencePrice base, ReferencePrice quote) {
        BigDecimal baseValue = terms.base().toUnits(terms.baseInventory()).multiply(base.priceUsd(), MC);
        BigDecimal quoteValue = terms.quote().toUnits(terms.quoteInventory()).multiply(quote.priceUsd(), MC);
        BigDecimal total = baseValue.add(quoteValue, MC);
        if (total.signum() == 0) {
            return 0;
        }
        BigDecimal imbalance = baseValue.subtract(quoteValue, MC).divide(total, MC);
        // Positive imbalance: the pool is long base, so quote is the scarce side, drained by clients selling base.
        boolean drainsScarceSide = side == TradeSide.SELL_BASE ? imbalance.signum() > 0 : imbalance.signum() < 0;
        if (!drainsScarceSide) {
            return 0;
        }
        return imbalance.abs().multiply(BigDecimal.valueOf(policy.skewMaxBps()), MC)
                .setScale(0, RoundingMode.DOWN).intValueExact();
    }

    int volatilityBps(ReferencePrice base, ReferencePrice quote) {
        BigDecimal change = abs(base.change24hPct()).max(abs(quote.change24hPct()));
        BigDecimal bps = change.multiply(policy.volatilityBpsPerPct(), MC).setScale(0, RoundingMode.DOWN);
        return bps.min(BigDecimal.valueOf(policy.volatilityCapBps())).intValueExact();
    }

    private int noiseBps() {
        return policy.noiseMaxBps() <= 0 ? 0 : random.nextInt(policy.noiseMaxBps() + 1);
    }

    private static BigDecimal abs(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.abs();
    }
}
