package io.otcrouter.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Invents plausible trades: mostly small ones (1–50 SOL) that Jupiter handles, sometimes large ones (100–3000 SOL,
 * log-uniform so a few are really big) that should be routed to the OTC pools.
 */
final class DemoTradeGenerator {

    private static final List<String[]> PAIRS = List.of(
            new String[] {"SOL", "USDC"}, new String[] {"SOL", "USDT"},
            new String[] {"USDC", "SOL"}, new String[] {"USDC", "USDT"});
    private static final double LARGE_TRADE_SHARE = 0.15;
    /** Only used to size trades paid in a stablecoin like SOL trades; it is not a price the system uses. */
    private static final BigDecimal DEMO_SOL_PRICE_USD = new BigDecimal("150");
    private static final int[] SLIPPAGES_BPS = {30, 50, 100};

    private final RandomGenerator random;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();

    /** {@code runId} keeps clientOrderIds unique across runs, so a restarted demo never repeats an earlier id. */
    DemoTradeGenerator(RandomGenerator random, String runId) {
        this.random = random;
        this.runId = runId;
    }

    DemoTrade next() {
        String[] pair = PAIRS.get(random.nextInt(PAIRS.size()));
        BigDecimal sizeInSol = BigDecimal.valueOf(random.nextDouble() < LARGE_TRADE_SHARE ? largeSize() : smallSize());
        BigDecimal amount = "SOL".equals(pair[0]) ? sizeInSol : sizeInSol.multiply(DEMO_SOL_PRICE_USD);
        return new DemoTrade(pair[0], pair[1], amount.setScale(2, RoundingMode.HALF_UP),
                SLIPPAGES_BPS[random.nextInt(SLIPPAGES_BPS.length)],
                "demo-" + runId + "-" + sequence.incrementAndGet());
    }

    private double smallSize() {
        return 1 + random.nextDouble() * 49;
    }

    private double largeSize() {
        double logMin = Math.log(100);
        double logMax = Math.log(3000);
        return Math.exp(logMin + random.nextDouble() * (logMax - logMin));
    }
}
