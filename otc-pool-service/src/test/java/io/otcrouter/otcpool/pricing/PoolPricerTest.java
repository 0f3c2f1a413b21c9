package io.otcrouter.otcpool.pricing;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class PoolPricerTest {

    private static final BigDecimal SOL_USD = new BigDecimal("150");
    private static final BigDecimal STABLE_USD = BigDecimal.ONE;

    /** sol-usdc-main as seeded: 50,000 SOL / 7,500,000 USDC, 25 bps, 100–5,000 SOL. */
    private static final PoolTerms SOL_USDC = new PoolTerms("sol-usdc-main", SOL, USDC, sol("50000"),
            usdc("7500000"), 25, 0, sol("100"), sol("5000"));
    /** sol-usdt-main as seeded: 25,000 SOL / 3,750,000 USDT, 35 bps, -10 bps offset, 250–2,500 SOL. */
    private static final PoolTerms SOL_USDT = new PoolTerms("sol-usdt-main", SOL, USDT, sol("25000"),
            USDT.toAtomic(new BigDecimal("3750000")), 35, -10, sol("250"), sol("2500"));

    private final PoolPricer pricer = new PoolPricer();

    @Test
    void shouldPayExactly149625UsdcFor1000SolAt150DollarsWith25BpsSpread() {
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("1000"), SOL_USD, STABLE_USD);

        assertThat(price.accepted()).isTrue();
        assertThat(price.outAmount()).isEqualTo(new BigInteger("149625000000"));
        assertThat(price.price()).isEqualByComparingTo("149.625");
        assertThat(price.minInAmount()).isEqualTo(sol("100"));
        assertThat(price.maxInAmount()).isEqualTo(sol("5000"));
    }

    @Test
    void shouldConvertWithEachTokensOwnDecimalsSoTenSolNeverBecomesAThousandfoldAmount() {
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("100"), SOL_USD, STABLE_USD);

        // 100 SOL = 100e9 lamports in; 14,962.5 USDC = 14,962.5e6 micro-USDC out (6 decimals, not 9).
        assertThat(price.outAmount()).isEqualTo(new BigInteger("14962500000"));
        assertThat(USDC.toUnits(price.outAmount())).isEqualByComparingTo("14962.5");
    }

    @Test
    void shouldSellBaseForQuoteWhenTheClientPaysQuote() {
        BigInteger inUsdc = usdc("150000");

        PoolPrice price = pricer.price(SOL_USDC, TradeSide.BUY_BASE, inUsdc, SOL_USD, STABLE_USD);

        // 150,000 USDC / 150 = 1,000 SOL, less 25 bps = 997.5 SOL in lamports.
        assertThat(price.accepted()).isTrue();
        assertThat(price.outAmount()).isEqualTo(new BigInteger("997500000000"));
        assertThat(price.price()).isEqualByComparingTo(new BigDecimal("0.9975").divide(SOL_USD,
                java.math.MathContext.DECIMAL128));
        assertThat(price.minInAmount()).isEqualTo(usdc("15000"));
        assertThat(price.maxInAmount()).isEqualTo(usdc("750000"));
    }

    @Test
    void shouldRoundTheOutputDownToWholeAtomicUnits() {
        // 1 micro-USDC less than 150,000 USDC: 999.999999993... SOL before the spread; never rounded up.
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.BUY_BASE, usdc("150000").subtract(BigInteger.ONE),
                SOL_USD, STABLE_USD);

        assertThat(price.outAmount()).isEqualTo(new BigInteger("997499999993"));
    }

    @Test
    void shouldApplyThePoolsPriceOffsetToTheMid() {
        PoolPrice price = pricer.price(SOL_USDT, TradeSide.SELL_BASE, sol("1000"), SOL_USD, STABLE_USD);

        // mid 150 x (1 - 0.001) = 149.85; less 35 bps = 149.325525 USDT per SOL.
        assertThat(price.outAmount()).isEqualTo(new BigInteger("149325525000"));
    }

    @Test
    void shouldRefuseBelowTheMinimumSizeWithAReadableReason() {
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("99.999999999"), SOL_USD, STABLE_USD);

        assertThat(price.accepted()).isFalse();
        assertThat(price.reason()).isEqualTo("Below the pool minimum of 100 SOL");
        assertThat(price.outAmount()).isNull();
    }

    @Test
    void shouldRefuseAboveTheMaximumSizeWithAReadableReason() {
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("5000.000000001"), SOL_USD, STABLE_USD);

        assertThat(price.accepted()).isFalse();
        assertThat(price.reason()).isEqualTo("Above the pool maximum of 5000 SOL");
    }

    @Test
    void shouldAcceptExactlyTheMinimumAndTheMaximum() {
        assertThat(pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("100"), SOL_USD, STABLE_USD).accepted()).isTrue();
        assertThat(pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("5000"), SOL_USD, STABLE_USD).accepted()).isTrue();
    }

    @Test
    void shouldApplyTheSizeLimitsToTheBaseEquivalentWhenBuyingBase() {
        PoolPrice tooSmall = pricer.price(SOL_USDC, TradeSide.BUY_BASE, usdc("14999.99"), SOL_USD, STABLE_USD);
        PoolPrice tooLarge = pricer.price(SOL_USDC, TradeSide.BUY_BASE, usdc("750000.01"), SOL_USD, STABLE_USD);

        assertThat(tooSmall.accepted()).isFalse();
        assertThat(tooSmall.reason()).isEqualTo("Below the pool minimum of 15000 USDC");
        assertThat(tooLarge.accepted()).isFalse();
        assertThat(tooLarge.reason()).isEqualTo("Above the pool maximum of 750000 USDC");
    }

    @Test
    void shouldRefuseWhenTheOutputInventoryIsShort() {
        // Balanced (500 SOL = 75,000 USDC at $150), so no inventory skew widens the spread.
        PoolTerms thin = new PoolTerms("thin", SOL, USDC, sol("500"), usdc("75000"), 25, 0, sol("100"),
                sol("5000"));

        PoolPrice price = pricer.price(thin, TradeSide.SELL_BASE, sol("1000"), SOL_USD, STABLE_USD);

        assertThat(price.accepted()).isFalse();
        assertThat(price.reason()).isEqualTo("Insufficient USDC inventory: needs 149625 USDC, has 75000 USDC");
    }

    @Test
    void shouldRefuseWithoutAReferencePrice() {
        PoolPrice price = pricer.price(SOL_USDC, TradeSide.SELL_BASE, sol("1000"), null, STABLE_USD);

        assertThat(price.accepted()).isFalse();
        assertThat(price.reason()).isEqualTo("No reference price for SOL yet");
        assertThat(price.minInAmount()).isNull();
    }

    @Test
    void shouldTellWhichSideTheClientIsOnFromTheMints() {
        assertThat(SOL_USDC.sideFor(SOL.mint(), USDC.mint())).contains(TradeSide.SELL_BASE);
        assertThat(SOL_USDC.sideFor(USDC.mint(), SOL.mint())).contains(TradeSide.BUY_BASE);
        assertThat(SOL_USDC.sideFor(USDC.mint(), USDT.mint())).isEmpty();
    }

    private static BigInteger sol(String units) {
        return SOL.toAtomic(new BigDecimal(units));
    }

    private static BigInteger usdc(String units) {
        return USDC.toAtomic(new BigDecimal(units));
    }
}
