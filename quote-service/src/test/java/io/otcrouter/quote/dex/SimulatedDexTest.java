package io.otcrouter.quote.dex;

import static io.otcrouter.testsupport.events.TestTokens.BONK;
import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;

class SimulatedDexTest {

    private static final SimulatedDexProperties DEFAULTS = new SimulatedDexProperties(new BigDecimal("20000000"), 30);
    private static final int SLIPPAGE_BPS = 50;

    private final ReferencePrices prices = new ReferencePrices();
    private final SimulatedDex dex = new SimulatedDex(prices, CATALOG, DEFAULTS);

    private DexQuote quote(Token in, Token out, String units) {
        return dex.quote(new DexQuoteRequest(in.mint(), out.mint(), in.toAtomic(new BigDecimal(units)),
                SLIPPAGE_BPS));
    }

    private static BigDecimal units(Token token, BigInteger atomic) {
        return token.toUnits(atomic);
    }

    @Test
    void shouldPriceOneSolNearTheReferencePriceLessTheFee() {
        prices.update(SOL.mint(), ReferencePrice.live(new BigDecimal("150"), Instant.parse("2025-01-01T00:00:00Z")));

        DexQuote quote = quote(SOL, USDC, "1");

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(units(USDC, quote.outAmount())).isCloseTo(new BigDecimal("149.55"), within(new BigDecimal("0.01")));
        assertThat(quote.priceImpactPct()).isLessThan(new BigDecimal("0.0001"));
    }

    @Test
    void shouldGiveAboutNinePointNineSevenUsdtForTenUsdcNotTheSeedsNineHundredNinetyNine() {
        DexQuote quote = quote(USDC, USDT, "10");

        assertThat(quote.outAmount()).isEqualTo(BigInteger.valueOf(9_969_995));
        assertThat(units(USDT, quote.outAmount())).isCloseTo(new BigDecimal("9.97"), within(new BigDecimal("0.001")));
    }

    @Test
    void shouldConvertNineToSixDecimalsForAThousandSolAndShowTheImpact() {
        DexQuote quote = quote(SOL, USDC, "1000");

        BigDecimal out = units(USDC, quote.outAmount());
        assertThat(out).isLessThan(new BigDecimal("150000")).isGreaterThan(new BigDecimal("145000"));
        // 997 SOL after fee into 133,333.33 SOL of reserve: 20M * 997 / 134,330.33
        assertThat(out).isCloseTo(new BigDecimal("148440.0"), within(new BigDecimal("1")));
        assertThat(quote.priceImpactPct()).isCloseTo(new BigDecimal("0.00742"), within(new BigDecimal("0.0001")));
    }

    @Test
    void shouldFallBackToTheStaticPriceWhenNoReferencePriceIsKnown() {
        DexQuote withoutReference = quote(SOL, USDC, "1");
        prices.update(SOL.mint(), ReferencePrice.live(new BigDecimal("200"), Instant.parse("2025-01-01T00:00:00Z")));
        DexQuote withReference = quote(SOL, USDC, "1");

        assertThat(units(USDC, withoutReference.outAmount()))
                .isCloseTo(new BigDecimal("149.55"), within(new BigDecimal("0.01")));
        assertThat(units(USDC, withReference.outAmount()))
                .isCloseTo(new BigDecimal("199.40"), within(new BigDecimal("0.01")));
    }

    @Test
    void shouldReturnMoreOutputForMoreInputButLessPerUnit() {
        List<BigInteger> outputs = new ArrayList<>();
        for (int solUnits = 1_000; solUnits <= 20_000; solUnits += 1_000) {
            outputs.add(quote(SOL, USDC, String.valueOf(solUnits)).outAmount());
        }

        for (int i = 1; i < outputs.size(); i++) {
            assertThat(outputs.get(i)).as("monotone at step %d", i).isGreaterThan(outputs.get(i - 1));
        }
        for (int i = 2; i < outputs.size(); i++) {
            BigInteger previousStep = outputs.get(i - 1).subtract(outputs.get(i - 2));
            BigInteger step = outputs.get(i).subtract(outputs.get(i - 1));
            assertThat(step).as("concave at step %d", i).isLessThan(previousStep);
        }
    }

    @Test
    void shouldSetTheMinimumOutputFromTheSlippageTolerance() {
        DexQuote quote = quote(SOL, USDC, "10");

        BigInteger expected = quote.outAmount().multiply(BigInteger.valueOf(10_000 - SLIPPAGE_BPS))
                .divide(BigInteger.valueOf(10_000));
        assertThat(quote.otherAmountThreshold()).isEqualTo(expected);
    }

    @Test
    void shouldHandleFiveDecimalTokens() {
        DexQuote quote = quote(USDC, BONK, "1");

        // 1 USDC at 0.00002 USD per BONK is ~50,000 BONK before fee; BONK has 5 decimals.
        assertThat(units(BONK, quote.outAmount())).isCloseTo(new BigDecimal("49850"), within(new BigDecimal("1")));
    }

    @Test
    void shouldRefuseToQuoteAnUnknownMint() {
        DexQuote quote = dex.quote(new DexQuoteRequest("NotAMint111", USDC.mint(), BigInteger.TEN, SLIPPAGE_BPS));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.NO_ROUTE);
        assertThat(quote.reason()).contains("NotAMint111");
    }

    @Test
    void shouldPriceAPairWithItsOwnDepthAndFeeExactlyInBothDirections() {
        SimulatedDex configured = new SimulatedDex(prices, CATALOG,
                new SimulatedDexProperties(new BigDecimal("20000000"), 30, "SOL/USDC=40000000@25"));

        DexQuote sell = configured.quote(new DexQuoteRequest(SOL.mint(), USDC.mint(),
                SOL.toAtomic(new BigDecimal("1000")), SLIPPAGE_BPS));
        DexQuote buy = configured.quote(new DexQuoteRequest(USDC.mint(), SOL.mint(),
                USDC.toAtomic(new BigDecimal("150000")), SLIPPAGE_BPS));

        // reserves at the static 150 USD: 266,666.666666666 SOL and 40,000,000 USDC; fee 25 bps
        // 1,000 SOL: 997.5 SOL in → 40e12 · 997.5e9 / (266,666,666,666,666 + 997.5e9) = 149,067.394776 USDC
        assertThat(sell.outAmount()).isEqualTo(new BigInteger("149067394776"));
        // 150,000 USDC: 149,625 USDC in → 266,666,666,666,666 · 149,625e6 / (40e12 + 149,625e6) lamports
        assertThat(buy.outAmount()).isEqualTo(new BigInteger("993782631842"));
        assertThat(buy.source()).isEqualTo(QuoteSource.SIMULATED);
    }

    @Test
    void shouldKeepTheDefaultPoolForPairsWithoutTheirOwnSetting() {
        SimulatedDex configured = new SimulatedDex(prices, CATALOG,
                new SimulatedDexProperties(new BigDecimal("20000000"), 30, "SOL/USDC=40000000@25"));

        DexQuote quote = configured.quote(new DexQuoteRequest(USDC.mint(), USDT.mint(),
                USDC.toAtomic(BigDecimal.TEN), SLIPPAGE_BPS));

        assertThat(quote.outAmount()).isEqualTo(BigInteger.valueOf(9_969_995));
    }

    @Test
    void shouldReadPerPairSettingsWithTheDefaultFeeWhenNoneIsGiven() {
        SimulatedDexProperties properties = new SimulatedDexProperties(new BigDecimal("20000000"), 30,
                " sol/usdc = 40000000@25 , USDC/USDT=100000000");

        assertThat(properties.poolsByPair()).containsEntry("SOL/USDC",
                new SimulatedDexProperties.PoolSettings(new BigDecimal("40000000"), 25))
                .containsEntry("USDC/USDT",
                        new SimulatedDexProperties.PoolSettings(new BigDecimal("100000000"), 30));
    }

    @Test
    void shouldRefuseAnUnreadablePoolSetting() {
        SimulatedDexProperties properties = new SimulatedDexProperties(new BigDecimal("20000000"), 30,
                "SOL-USDC:40000000");

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(properties::poolsByPair);
    }
}
