package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;

/**
 * The service-wide parts of the spread (the pool-specific parts, base spread and size tiers, are pool data).
 *
 * @param skewMaxBps          added when a trade drains the side a pool is fully out of balance on; proportionally
 *                            less for a smaller imbalance, nothing for a balanced pool or a trade that rebalances it
 * @param volatilityBpsPerPct added per percent of the larger absolute 24 h change of the two tokens
 * @param volatilityCapBps    most the volatility add-on may add
 * @param noiseMaxBps         simulation only: up to this many random bps (0 = deterministic)
 * @param maxTotalBps         the spread never exceeds this
 */
public record SpreadPolicy(int skewMaxBps, BigDecimal volatilityBpsPerPct, int volatilityCapBps, int noiseMaxBps,
        int maxTotalBps) {

    public static final SpreadPolicy DEFAULTS = new SpreadPolicy(20, new BigDecimal("2"), 50, 0, 1000);
}
