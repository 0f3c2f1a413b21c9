package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * What one leg costs on Solana — the base fee of its transaction plus the priority fee, paid in SOL whatever the
 * pair — in atomic units of the trade's output token, at the reference prices; rounded up, so a leg is never
 * thought cheaper than it is. Each leg is its own transaction, so a split pays it once per leg, which is what
 * keeps a split from taking a sliver of a venue for a gain smaller than the fee.
 */
public final class NetworkFee {

    static final Token SOL = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();

    private NetworkFee() {
    }

    /**
     * @param lamports  base plus priority fee of one leg's transaction
     * @param solUsd    SOL's reference price
     * @param outputUsd the output token's reference price
     * @return the fee in output atomic units; zero when it cannot be priced (a missing reference price)
     */
    public static BigInteger perLegInOutput(BigInteger lamports, Token output, Optional<BigDecimal> solUsd,
            Optional<BigDecimal> outputUsd) {
        if (lamports.signum() == 0 || output.mint().equals(SOL.mint())) {
            return lamports;
        }
        if (solUsd.isEmpty() || outputUsd.isEmpty() || outputUsd.get().signum() <= 0) {
            return BigInteger.ZERO;
        }
        BigDecimal usd = SOL.toUnits(lamports).multiply(solUsd.get(), DepthCurve.MATH);
        return usd.divide(outputUsd.get(), DepthCurve.MATH).movePointRight(output.decimals())
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    public static String solMint() {
        return SOL.mint();
    }
}
