package io.otcrouter.loadgen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Which trades are sent: 80 % SOL→USDC, 12 % SOL→USDT, 8 % USDC→SOL, sizes from {@link SizeDistribution} in SOL
 * (a USDC→SOL trade spends the USDC worth that many SOL at a nominal $150, in cents).
 */
final class TradeMix {

    static final BigDecimal NOMINAL_SOL_PRICE_USD = new BigDecimal("150");

    record Trade(String inputToken, String outputToken, BigDecimal amount) {
        String json(int slippageBps, String clientOrderId) {
            return "{\"inputToken\":\"" + inputToken + "\",\"outputToken\":\"" + outputToken + "\",\"amount\":\""
                    + amount.toPlainString() + "\",\"slippageBps\":" + slippageBps + ",\"clientOrderId\":\""
                    + clientOrderId + "\"}";
        }
    }

    private final SizeDistribution sizes;

    TradeMix(SizeDistribution sizes) {
        this.sizes = sizes;
    }

    Trade next(SplittableRandom random) {
        double pair = random.nextDouble();
        BigDecimal sol = sizes.next(random);
        if (pair < 0.80) {
            return new Trade("SOL", "USDC", sol);
        }
        if (pair < 0.92) {
            return new Trade("SOL", "USDT", sol);
        }
        return new Trade("USDC", "SOL", sol.multiply(NOMINAL_SOL_PRICE_USD).setScale(2, RoundingMode.DOWN));
    }
}
