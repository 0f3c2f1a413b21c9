package io.otcrouter.otcpool.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.ReferencePrice;

/** The tier schedule a firm quote publishes: what the pool would price each smaller leg at, from the same prices. */
class TierScheduleTest {

    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final Token SOL = TOKENS.bySymbol("SOL").orElseThrow();
    private static final Token USDC = TOKENS.bySymbol("USDC").orElseThrow();
    private static final ReferencePrice SOL_USD = ReferencePrice.live(new BigDecimal("150"));
    private static final ReferencePrice USDC_USD = ReferencePrice.live(BigDecimal.ONE);
    private static final BigInteger LAMPORT = BigInteger.ONE;

    /** Balanced, 25 bps, 100–5,000 SOL; +5 bps from 2,500 SOL, +12 bps from 4,000 SOL. */
    private static final PoolTerms TIERED = new PoolTerms("tiered", SOL, USDC, sol("50000"), usdc("7500000"),
            BigInteger.ZERO, BigInteger.ZERO, 25, List.of(new SizeTier(BigInteger.ZERO, 0),
                    new SizeTier(sol("2500"), 5), new SizeTier(sol("4000"), 12)), 0, sol("100"), sol("5000"));

    private final PoolPricer pricer = new PoolPricer();

    @Test
    void shouldPriceEachCheaperTierBelowTheQuoteAsThePoolWouldPriceItsLargestLeg() {
        TierSchedule schedule = scheduleOf(TradeSide.SELL_BASE, sol("3000"));

        assertThat(schedule.tiers()).extracting(TierSchedule.Tier::minIn, TierSchedule.Tier::in).containsExactly(
                org.assertj.core.groups.Tuple.tuple(sol("100"), sol("2500").subtract(LAMPORT)),
                org.assertj.core.groups.Tuple.tuple(sol("2500"), sol("3000")));
        TierSchedule.Tier cheaper = schedule.tiers().get(0);
        assertThat(cheaper.out()).isEqualTo(price(TradeSide.SELL_BASE, cheaper.in()).outAmount());
        assertThat(cheaper.spreadBps()).isEqualTo(25);
        assertThat(schedule.tiers().get(1).out()).isEqualTo(price(TradeSide.SELL_BASE, sol("3000")).outAmount());
        assertThat(schedule.tiers().get(1).spreadBps()).isEqualTo(30);
    }

    @Test
    void shouldStartEachTierAtTheFirstInputThePricerPutsInItWhenBuyingBase() {
        TierSchedule schedule = scheduleOf(TradeSide.BUY_BASE, usdc("700000"));

        assertThat(schedule.tiers()).hasSize(3);
        for (int k = 1; k < schedule.tiers().size(); k++) {
            BigInteger first = schedule.tiers().get(k).minIn();
            assertThat(price(TradeSide.BUY_BASE, first).spread().sizeTierBps())
                    .isGreaterThan(price(TradeSide.BUY_BASE, first.subtract(BigInteger.ONE)).spread().sizeTierBps());
            TierSchedule.Tier below = schedule.tiers().get(k - 1);
            assertThat(below.in()).isEqualTo(first.subtract(BigInteger.ONE));
            assertThat(below.out()).isEqualTo(price(TradeSide.BUY_BASE, below.in()).outAmount());
        }
    }

    @Test
    void shouldPaySmallerLegsTheirTiersPriceButNeverMoreThanTheQuotesOutput() {
        BigInteger quotedIn = sol("3000");
        BigInteger quotedOut = price(TradeSide.SELL_BASE, quotedIn).outAmount();
        TierSchedule schedule = scheduleOf(TradeSide.SELL_BASE, quotedIn);

        BigInteger thousand = schedule.legOut(sol("1000"), quotedIn, quotedOut);
        BigInteger pricedAlone = price(TradeSide.SELL_BASE, sol("1000")).outAmount();
        assertThat(thousand).as("the tier's price pro rata: at most one unit under pricing the leg alone")
                .isBetween(pricedAlone.subtract(BigInteger.ONE), pricedAlone)
                .isGreaterThan(quotedOut.multiply(sol("1000")).divide(quotedIn));
        assertThat(schedule.legOut(sol("2800"), quotedIn, quotedOut))
                .isEqualTo(quotedOut.multiply(sol("2800")).divide(quotedIn));
        assertThat(schedule.legOut(sol("3000"), quotedIn, quotedOut)).isEqualTo(quotedOut);

        TierSchedule close = scheduleOf(TradeSide.SELL_BASE, sol("2500.5"));
        BigInteger closeOut = price(TradeSide.SELL_BASE, sol("2500.5")).outAmount();
        assertThat(close.legOut(sol("2500").subtract(LAMPORT), sol("2500.5"), closeOut)).isEqualTo(closeOut);
    }

    @Test
    void shouldBeFlatWhenNoCheaperTierLiesBelowTheQuotedSize() {
        assertThat(scheduleOf(TradeSide.SELL_BASE, sol("1000")).isFlat()).isTrue();
        assertThat(scheduleOf(TradeSide.SELL_BASE, sol("1000")).encode()).isNull();
    }

    @Test
    void shouldKeepTheScheduleAsStoredWithTheReservation() {
        TierSchedule schedule = scheduleOf(TradeSide.BUY_BASE, usdc("700000"));

        assertThat(TierSchedule.decode(schedule.encode())).isEqualTo(schedule);
        assertThat(TierSchedule.decode(null)).isEqualTo(TierSchedule.FLAT);
    }

    private TierSchedule scheduleOf(TradeSide side, BigInteger quotedIn) {
        return pricer.schedule(TIERED, side, quotedIn, price(side, quotedIn), SOL_USD, USDC_USD);
    }

    private PoolPrice price(TradeSide side, BigInteger in) {
        return pricer.price(TIERED, side, in, SOL_USD, USDC_USD);
    }

    private static BigInteger sol(String units) {
        return SOL.toAtomic(new BigDecimal(units));
    }

    private static BigInteger usdc(String units) {
        return USDC.toAtomic(new BigDecimal(units));
    }
}
