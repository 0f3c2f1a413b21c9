package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.LegStatus;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

class SettlementCalculatorTest {

    private static final Token SOL = token("SOL");
    private static final Token USDC = token("USDC");
    private static final Token USDT = token("USDT");

    private static final BigInteger THOUSAND_SOL = SOL.toAtomic(new BigDecimal("1000"));
    private static final BigInteger OTC_OUT = USDC.toAtomic(new BigDecimal("149625"));
    private static final BigInteger DEX_BASELINE = USDC.toAtomic(new BigDecimal("149000"));
    private static final BigDecimal SOL_USD = new BigDecimal("150");
    private static final BigDecimal STABLE_USD = BigDecimal.ONE;

    private static final TradeTerms THOUSAND_SOL_FOR_USDC = new TradeTerms(SOL.decimals(), USDC.decimals(),
            THOUSAND_SOL, OTC_OUT, DEX_BASELINE, SOL_USD, STABLE_USD);

    @Test
    void shouldPriceThousandSolForUsdcAtTokenUnitsWithExactAmounts() {
        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC,
                List.of(new LegOutcome(LegStatus.FILLED, THOUSAND_SOL, OTC_OUT)));

        assertThat(settlement.status()).isEqualTo(TradeStatus.FILLED);
        assertThat(settlement.filledIn()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(settlement.out()).isEqualTo(new BigInteger("149625000000"));
        assertThat(settlement.executionPrice()).isEqualByComparingTo("149.625");
        assertThat(settlement.executionPrice().scale()).isEqualTo(12);
        assertThat(settlement.savingOut()).isEqualTo(new BigInteger("625000000"));
        assertThat(settlement.savingUsd()).isEqualByComparingTo("625");
        assertThat(settlement.volumeUsd()).isEqualByComparingTo("150000");
        assertThat(settlement.slippageVsQuoteBps()).isEqualByComparingTo("0");
        // Arrival value 1,000 × 150 / 1 = 150,000 USDC; realized 149,625: 375 short of it, i.e. 25 bps.
        assertThat(settlement.shortfallVsArrivalBps()).isEqualByComparingTo("25");
    }

    @Test
    void shouldPriceTenUsdcForUsdtBelowOneDollarNotAtTheOriginalProjects999() {
        BigInteger tenUsdc = USDC.toAtomic(new BigDecimal("10"));
        BigInteger usdtOut = USDT.toAtomic(new BigDecimal("9.97"));
        TradeTerms terms = new TradeTerms(USDC.decimals(), USDT.decimals(), tenUsdc, usdtOut, null, STABLE_USD,
                STABLE_USD);

        Settlement settlement = SettlementCalculator.settle(terms,
                List.of(new LegOutcome(LegStatus.FILLED, tenUsdc, usdtOut)));

        assertThat(settlement.executionPrice()).isEqualByComparingTo("0.997");
        assertThat(settlement.executionPrice()).isLessThan(BigDecimal.ONE);
        assertThat(settlement.out()).isEqualTo(BigInteger.valueOf(9_970_000));
        assertThat(settlement.volumeUsd()).isEqualByComparingTo("10");
        assertThat(settlement.savingOut()).as("no DEX baseline, no saving").isNull();
        assertThat(settlement.shortfallVsArrivalBps()).isEqualByComparingTo("30");
    }

    @Test
    void shouldSettlePartiallyFilledWhenOneOfTwoLegsIsRejected() {
        BigInteger dexIn = SOL.toAtomic(new BigDecimal("600"));
        BigInteger dexOut = USDC.toAtomic(new BigDecimal("89700"));
        BigInteger otcIn = SOL.toAtomic(new BigDecimal("400"));

        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC, List.of(
                new LegOutcome(LegStatus.FILLED, dexIn, dexOut),
                new LegOutcome(LegStatus.REJECTED, otcIn, BigInteger.ZERO)));

        assertThat(settlement.status()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(settlement.filledIn()).isEqualTo(dexIn);
        assertThat(settlement.out()).isEqualTo(dexOut);
        assertThat(settlement.executionPrice()).isEqualByComparingTo("149.5");
        // Baseline pro-rated to the 600 SOL filled: 149,000 × 0.6 = 89,400 USDC.
        assertThat(settlement.savingOut()).isEqualTo(USDC.toAtomic(new BigDecimal("300")));
    }

    @Test
    void shouldMeasureAPartialFillsSlippageAgainstWhatItsFilledLegsWereExpectedToReturn() {
        BigInteger dexIn = SOL.toAtomic(new BigDecimal("600"));
        BigInteger dexExpected = USDC.toAtomic(new BigDecimal("89700"));
        BigInteger dexOut = USDC.toAtomic(new BigDecimal("89610.3"));
        BigInteger otcIn = SOL.toAtomic(new BigDecimal("400"));

        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC, List.of(
                new LegOutcome(LegStatus.FILLED, dexIn, dexOut, dexExpected),
                new LegOutcome(LegStatus.REJECTED, otcIn, BigInteger.ZERO, USDC.toAtomic(new BigDecimal("59925")))));

        // (89,700 − 89,610.3) / 89,700 × 10,000 = 10 bps; against the whole 149,625 it would read about 4,011 bps.
        assertThat(settlement.slippageVsQuoteBps()).isEqualByComparingTo("10");
    }

    @Test
    void shouldProRateTheExpectedOutputOfAPartialFillWhoseDecidedLegsAreUnknown() {
        BigInteger half = THOUSAND_SOL.divide(BigInteger.TWO);
        BigInteger halfOut = OTC_OUT.divide(BigInteger.TWO);

        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC,
                List.of(new LegOutcome(LegStatus.FILLED, half, halfOut)), 2);

        assertThat(settlement.slippageVsQuoteBps()).isEqualByComparingTo("0");
    }

    @Test
    void shouldFailWithoutPriceOrSavingWhenNoLegFilled() {
        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC,
                List.of(new LegOutcome(LegStatus.FAILED, THOUSAND_SOL, BigInteger.ZERO)));

        assertThat(settlement.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(settlement.out()).isZero();
        assertThat(settlement.executionPrice()).isNull();
        assertThat(settlement.savingOut()).isNull();
        assertThat(settlement.slippageVsQuoteBps()).isNull();
    }

    @Test
    void shouldFailARejectedRouteThatHasNoLegs() {
        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC, List.of());

        assertThat(settlement.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(settlement.filledIn()).isZero();
    }

    @Test
    void shouldReportNegativeSavingAndPositiveSlippageWhenTheFillIsWorseThanQuoted() {
        BigInteger poorOut = USDC.toAtomic(new BigDecimal("148850.375"));

        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC,
                List.of(new LegOutcome(LegStatus.FILLED, THOUSAND_SOL, poorOut)));

        assertThat(settlement.savingOut()).isEqualTo(USDC.toAtomic(new BigDecimal("-149.625")));
        assertThat(settlement.savingUsd()).isEqualByComparingTo("-149.625");
        // (149,625 − 148,850.375) / 149,625 × 10,000 = 51.77… bps
        assertThat(settlement.slippageVsQuoteBps()).isEqualByComparingTo("51.7711");
    }

    private static Token token(String symbol) {
        return TokenCatalog.defaults().bySymbol(symbol).orElseThrow();
    }

    @Test
    void shouldSettlePartiallyFilledWhenOneOfTwoLegsNeverCameBeforeTheTimeout() {
        BigInteger half = THOUSAND_SOL.divide(BigInteger.TWO);
        BigInteger halfOut = OTC_OUT.divide(BigInteger.TWO);

        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC,
                List.of(new LegOutcome(LegStatus.FILLED, half, halfOut)), 2);

        assertThat(settlement.status()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(settlement.filledIn()).isEqualTo(half);
        assertThat(settlement.out()).isEqualTo(halfOut);
        assertThat(settlement.savingOut()).isEqualTo(halfOut.subtract(DEX_BASELINE.divide(BigInteger.TWO)));
    }

    @Test
    void shouldSettleFailedWhenNoLegCameBeforeTheTimeout() {
        Settlement settlement = SettlementCalculator.settle(THOUSAND_SOL_FOR_USDC, List.of(), 1);

        assertThat(settlement.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(settlement.out()).isZero();
        assertThat(settlement.executionPrice()).isNull();
    }
}
