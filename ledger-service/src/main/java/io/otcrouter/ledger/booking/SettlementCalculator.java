package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.TradeStatus;

/**
 * Settlement math: turns a decision and its leg outcomes into the realized trade. Pure functions on atomic
 * amounts; every ratio is taken in TOKEN units (atomic / 10^decimals of its own token), which is what keeps
 * 10 USDC → 9.97 USDT at 0.997 and not at the original project's 999.58 (it scaled every input by 1e9).
 */
public final class SettlementCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private SettlementCalculator() {
    }

    public static Settlement settle(TradeTerms terms, List<LegOutcome> legs) {
        return settle(terms, legs, legs.size());
    }

    /**
     * Settles with the legs that count; {@code legsExpected} is how many the router decided. A leg that never came
     * (settle timeout) counts as not filled: some filled → PARTIALLY_FILLED, none → FAILED.
     */
    public static Settlement settle(TradeTerms terms, List<LegOutcome> legs, int legsExpected) {
        List<LegOutcome> filled = legs.stream().filter(LegOutcome::filled).toList();
        BigInteger filledIn = filled.stream().map(LegOutcome::inAmount).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger out = filled.stream().map(LegOutcome::outAmount).reduce(BigInteger.ZERO, BigInteger::add);
        TradeStatus status = status(Math.max(legsExpected, legs.size()), filled.size());

        BigDecimal filledInUnits = units(filledIn, terms.inputDecimals());
        BigDecimal outUnits = units(out, terms.outputDecimals());
        BigDecimal executionPrice = filledIn.signum() > 0
                ? EventDecimals.price(outUnits.divide(filledInUnits, MC))
                : null;

        BigInteger savingOut = savingOut(terms, status, filledIn, out);
        BigDecimal savingUsd = savingOut == null || terms.outputPriceUsd() == null ? null
                : EventDecimals.usd(units(savingOut, terms.outputDecimals()).multiply(terms.outputPriceUsd(), MC));
        BigDecimal volumeUsd = terms.inputPriceUsd() == null ? null
                : EventDecimals.usd(units(terms.amountIn(), terms.inputDecimals()).multiply(terms.inputPriceUsd(), MC));

        BigInteger expectedOut = status == TradeStatus.PARTIALLY_FILLED
                ? expectedOfFilled(terms, filled, filledIn)
                : terms.expectedOut();
        BigDecimal slippageBps = expectedOut.signum() > 0 && status != TradeStatus.FAILED
                ? bps(new BigDecimal(expectedOut.subtract(out)), new BigDecimal(expectedOut))
                : null;
        return new Settlement(status, filledIn, out, executionPrice, savingOut, savingUsd, volumeUsd, slippageBps,
                shortfallBps(terms, filledInUnits, outUnits));
    }

    private static TradeStatus status(int legCount, int filledCount) {
        if (filledCount == 0) {
            return TradeStatus.FAILED;
        }
        return filledCount == legCount ? TradeStatus.FILLED : TradeStatus.PARTIALLY_FILLED;
    }

    /**
     * Realized output against the DEX-only baseline. A partial fill is compared with the baseline pro-rated to the
     * filled input (rounded down), otherwise a half-filled trade would show a saving of minus half the trade.
     */
    private static BigInteger savingOut(TradeTerms terms, TradeStatus status, BigInteger filledIn, BigInteger out) {
        if (terms.dexBaselineOut() == null || status == TradeStatus.FAILED) {
            return null;
        }
        BigInteger baseline = status == TradeStatus.FILLED ? terms.dexBaselineOut()
                : terms.dexBaselineOut().multiply(filledIn).divide(terms.amountIn());
        return out.subtract(baseline);
    }

    /**
     * What the filled legs were expected to return: a partial fill is measured against its own legs, not against the
     * whole trade's expectation (which would show the unfilled part as slippage). Without the decided legs (trades
     * booked before the ledger kept them) the expectation is pro-rated to the filled input, rounded down.
     */
    private static BigInteger expectedOfFilled(TradeTerms terms, List<LegOutcome> filled, BigInteger filledIn) {
        if (filled.stream().allMatch(leg -> leg.expectedOut() != null)) {
            return filled.stream().map(LegOutcome::expectedOut).reduce(BigInteger.ZERO, BigInteger::add);
        }
        return terms.expectedOut().multiply(filledIn).divide(terms.amountIn());
    }

    /** Implementation shortfall: what the filled input was worth at arrival prices, in output units, vs what came out. */
    private static BigDecimal shortfallBps(TradeTerms terms, BigDecimal filledInUnits, BigDecimal outUnits) {
        if (terms.inputPriceUsd() == null || terms.outputPriceUsd() == null || terms.outputPriceUsd().signum() <= 0
                || filledInUnits.signum() <= 0) {
            return null;
        }
        BigDecimal arrivalValue = filledInUnits.multiply(terms.inputPriceUsd(), MC).divide(terms.outputPriceUsd(), MC);
        return bps(arrivalValue.subtract(outUnits), arrivalValue);
    }

    private static BigDecimal bps(BigDecimal difference, BigDecimal reference) {
        return EventDecimals.ratio(difference.multiply(BPS).divide(reference, MC));
    }

    static BigDecimal units(BigInteger atomic, int decimals) {
        return new BigDecimal(atomic, decimals);
    }
}
