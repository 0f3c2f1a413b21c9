package io.otcrouter.otcpool.pricing;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.kafka.prices.ReferencePrice;

class SpreadCalculatorTest {

    private static final ReferencePrice SOL_AT_150 = ReferencePrice.live(new BigDecimal("150"));
    private static final ReferencePrice USDC_AT_1 = ReferencePrice.live(BigDecimal.ONE);
    /** The seeded tiers of sol-usdc-main: nothing below 2,500 SOL, 5 bps from there. */
    private static final List<SizeTier> SEED_TIERS = List.of(new SizeTier(BigInteger.ZERO, 0),
            new SizeTier(sol("2500"), 5));
    /** sol-usdc-main as seeded: 50,000 SOL and 7,500,000 USDC, balanced at $150. */
    private static final PoolTerms SEEDED = terms(sol("50000"), usdc("7500000"));

    private final SpreadCalculator calculator = new SpreadCalculator();

    @Test
    void shouldAddNothingButTheBaseSpreadForTheSeededPoolAtStaticPricesWithout24hChange() {
        ReferencePrice staticSol = new ReferencePrice(new BigDecimal("150"), null, PriceSource.STATIC, true, Instant.EPOCH);
        ReferencePrice staticUsdc = new ReferencePrice(BigDecimal.ONE, null, PriceSource.STATIC, true, Instant.EPOCH);

        Spread spread = calculator.spread(SEEDED, TradeSide.SELL_BASE, sol("1000"), staticSol, staticUsdc);

        assertThat(spread).isEqualTo(new Spread(25, 0, 0, 0, 0, 1000));
        assertThat(spread.totalBps()).isEqualTo(25);
    }

    @Test
    void shouldKeep1000SolAtExactly149625UsdcThroughThePricerWithTheSeededTiers() {
        PoolPrice price = new PoolPricer().price(SEEDED, TradeSide.SELL_BASE, sol("1000"), SOL_AT_150, USDC_AT_1);

        assertThat(price.outAmount()).isEqualTo(usdc("149625"));
    }

    @Test
    void shouldAddTheHighestSizeTierTheTradeReaches() {
        assertThat(calculator.spread(SEEDED, TradeSide.SELL_BASE, sol("2499.999999999"), SOL_AT_150, USDC_AT_1)
                .sizeTierBps()).isZero();
        assertThat(calculator.spread(SEEDED, TradeSide.SELL_BASE, sol("2500"), SOL_AT_150, USDC_AT_1)
                .sizeTierBps()).isEqualTo(5);
    }

    @Test
    void shouldApplyTheSizeTierToTheBaseEquivalentWhenTheClientPaysQuote() {
        // 450,000 USDC buys 3,000 SOL at $150: above the 2,500 SOL bracket.
        PoolPrice price = new PoolPricer().price(SEEDED, TradeSide.BUY_BASE, usdc("450000"), SOL_AT_150, USDC_AT_1);

        assertThat(price.spread().sizeTierBps()).isEqualTo(5);
        assertThat(price.spread().totalBps()).isEqualTo(30);
    }

    @Test
    void shouldWidenTheSpreadWhenTheTradeDrainsTheScarcerSide() {
        // 60,000 SOL ($9M) against 3,000,000 USDC: imbalance (9 - 3) / 12 = 0.5, USDC is scarce.
        PoolTerms longBase = terms(sol("60000"), usdc("3000000"));

        Spread sellingBase = calculator.spread(longBase, TradeSide.SELL_BASE, sol("1000"), SOL_AT_150, USDC_AT_1);
        Spread buyingBase = calculator.spread(longBase, TradeSide.BUY_BASE, sol("1000"), SOL_AT_150, USDC_AT_1);

        assertThat(sellingBase.skewBps()).isEqualTo(10); // 20 bps x 0.5
        assertThat(buyingBase.skewBps()).isZero(); // it brings the pool back toward balance
    }

    @Test
    void shouldAddVolatilityFromTheLarger24hChangeUpToTheCap() {
        ReferencePrice solDown = new ReferencePrice(new BigDecimal("150"), new BigDecimal("-7.5"), PriceSource.COINGECKO,
                false, Instant.EPOCH);
        ReferencePrice usdcFlat = new ReferencePrice(BigDecimal.ONE, new BigDecimal("0.01"), PriceSource.COINGECKO, false,
                Instant.EPOCH);
        ReferencePrice solCrash = new ReferencePrice(new BigDecimal("150"), new BigDecimal("-40"), PriceSource.COINGECKO,
                false, Instant.EPOCH);

        assertThat(calculator.spread(SEEDED, TradeSide.SELL_BASE, sol("1000"), solDown, usdcFlat).volatilityBps())
                .isEqualTo(15); // 2 bps per percent x 7.5 %
        assertThat(calculator.spread(SEEDED, TradeSide.SELL_BASE, sol("1000"), solCrash, usdcFlat).volatilityBps())
                .isEqualTo(50); // capped
    }

    @Test
    void shouldAddNoiseOnlyWhenTheSimulationKnobAsksForIt() {
        RandomGenerator alwaysMax = new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
        SpreadCalculator noisy = new SpreadCalculator(new SpreadPolicy(20, new BigDecimal("2"), 50, 3, 1000),
                alwaysMax);
        SpreadCalculator quiet = new SpreadCalculator(SpreadPolicy.DEFAULTS, alwaysMax);

        assertThat(noisy.spread(SEEDED, TradeSide.SELL_BASE, sol("1000"), SOL_AT_150, USDC_AT_1).noiseBps())
                .isEqualTo(3);
        assertThat(quiet.spread(SEEDED, TradeSide.SELL_BASE, sol("1000"), SOL_AT_150, USDC_AT_1).noiseBps())
                .isZero();
    }

    @Test
    void shouldNeverExceedTheCap() {
        assertThat(new Spread(900, 50, 20, 50, 0, 1000).totalBps()).isEqualTo(1000);
    }

    private static PoolTerms terms(BigInteger base, BigInteger quote) {
        return new PoolTerms("sol-usdc-main", SOL, USDC, base, quote, BigInteger.ZERO, BigInteger.ZERO, 25,
                SEED_TIERS, 0, sol("100"), sol("5000"));
    }

    private static BigInteger sol(String units) {
        return SOL.toAtomic(new BigDecimal(units));
    }

    private static BigInteger usdc(String units) {
        return USDC.toAtomic(new BigDecimal(units));
    }
}
