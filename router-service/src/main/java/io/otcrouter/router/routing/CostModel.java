package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What a leg costs beyond what the venue already netted out (Jupiter's {@code outAmount} is net of AMM and
 * platform fees, a pool's output net of its spread): a configurable fee per venue in basis points and a network
 * fee per leg in output atomic units ({@link NetworkFee}: Solana's base and priority fee at the reference price,
 * worked out for each decision). Candidates are compared on output after these costs.
 *
 * @param dexFeeBps          extra fee on the DEX leg's output
 * @param otcFeeBps          extra fee on each OTC leg's output
 * @param networkFeePerLegOut estimated network fee of one leg, in output atomic units
 */
public record CostModel(int dexFeeBps, int otcFeeBps, BigInteger networkFeePerLegOut) {

    public static final CostModel FREE = new CostModel(0, 0, BigInteger.ZERO);
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    /** The same fees with the network fee of this decision's output token. */
    public CostModel withNetworkFee(BigInteger perLegOut) {
        return new CostModel(dexFeeBps, otcFeeBps, perLegOut);
    }

    BigDecimal netDex(BigDecimal grossOut) {
        return net(grossOut, dexFeeBps);
    }

    BigDecimal netOtc(BigDecimal grossOut) {
        return net(grossOut, otcFeeBps);
    }

    private BigDecimal net(BigDecimal grossOut, int feeBps) {
        if (grossOut.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal afterFee = grossOut.multiply(BPS.subtract(BigDecimal.valueOf(feeBps)), DepthCurve.MATH)
                .divide(BPS, DepthCurve.MATH);
        return afterFee.subtract(new BigDecimal(networkFeePerLegOut));
    }
}
