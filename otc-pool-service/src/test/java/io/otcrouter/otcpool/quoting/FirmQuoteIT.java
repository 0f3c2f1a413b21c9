package io.otcrouter.otcpool.quoting;

import static io.otcrouter.testsupport.events.TestTokens.BONK;
import static io.otcrouter.testsupport.events.TestTokens.RAY;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoteTier;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.admin.NewPoolInput;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.admin.TermsInput;
import io.otcrouter.otcpool.execution.PoolExecution;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.LivePrices;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.PoolRows;
import io.otcrouter.otcpool.support.Pools;
import io.otcrouter.testsupport.kafka.TopicReader;

/** Firm quotes hold inventory until they expire or execute; expired ones are released and their legs re-priced. */
class FirmQuoteIT extends OtcPoolIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private PoolAdmin admin;
    @Autowired
    private PoolQuoting quoting;
    @Autowired
    private PoolExecution execution;
    @Autowired
    private ReferencePrices prices;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private PoolRows rows;
    private TopicReader<byte[]> collector;

    @BeforeEach
    void pricesAndWitnesses() {
        rows = new PoolRows(jdbc);
        collector = TopicReader.bytes(brokers, List.of(Topics.POOLS_EXECUTED.name()));
        LivePrices.set(prices, RAY, "2");
        LivePrices.set(prices, USDC, "1");
        LivePrices.set(prices, USDT, "1");
    }

    @AfterEach
    void closeCollector() {
        collector.close();
    }

    @Test
    void shouldReserveTheOutputOfAFirmQuoteAndNothingForAnIndicativeOne() {
        String poolId = rayPool(USDC, 10_000);

        PoolQuoted indicative = quoteFrom(poolId, Events.indicativeRequest(RAY, USDC, "1000"));
        BigInteger[] afterIndicative = rows.inventory(poolId);
        PoolQuoted firm = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));
        BigInteger[] afterFirm = rows.inventory(poolId);

        assertThat(indicative.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        assertThat(indicative.getFirm()).isFalse();
        assertThat(afterIndicative[3]).isZero();
        assertThat(firm.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        assertThat(firm.getFirm()).isTrue();
        // 1,000 RAY at $2 less 25 bps = 1,995 USDC, held for this quote only.
        assertThat(firm.getOutAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(USDC, "1995"));
        assertThat(afterFirm[3]).isEqualTo(Pools.atomic(USDC, "1995"));
        assertThat(firm.getBaseSpreadBps()).isEqualTo(25);
        assertThat(firm.getSizeTierBps()).isZero();
        assertThat(firm.getSkewBps()).isZero();
        assertThat(firm.getVolatilityBps()).isZero();
    }

    @Test
    void shouldQuoteAndHoldItsMaximumWhenTheTradeIsLargerSoTheRouterCanSplitTheRest() {
        String poolId = rayPool(USDC, 10_000);

        PoolQuoted capped = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "30000"));

        // The pool takes at most 20,000 RAY: it quotes that much, at $2 less 25 bps, and holds its output.
        assertThat(capped.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        assertThat(capped.getInAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(RAY, "20000"));
        assertThat(capped.getMaxInAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(RAY, "20000"));
        assertThat(capped.getOutAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(USDC, "39900"));
        assertThat(rows.inventory(poolId)[3]).isEqualTo(Pools.atomic(USDC, "39900"));
        assertThat(quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "5")).getStatus())
                .as("below the minimum is still refused").isEqualTo(PoolQuoteStatus.REFUSED);
    }

    @Test
    void shouldQuoteWhatIsNotPromisedToAnotherQuoteAndRefuseWhenNothingIsLeft() {
        String poolId = rayPool(USDC, 10_000, "3000");

        PoolQuoted first = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));
        PoolQuoted second = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));
        PoolQuoted third = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));

        assertThat(first.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        // The rest of the 3,000 USDC pays for less than 1,000 RAY: the pool quotes (and holds) that much.
        assertThat(second.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        BigInteger secondIn = second.getInAmount().toBigIntegerExact();
        assertThat(secondIn).isLessThan(Pools.atomic(RAY, "1000")).isGreaterThan(Pools.atomic(RAY, "10"));
        BigInteger held = first.getOutAmount().toBigIntegerExact().add(second.getOutAmount().toBigIntegerExact());
        assertThat(held).isLessThanOrEqualTo(Pools.atomic(USDC, "3000"))
                .as("one more atomic RAY would not have fit").isGreaterThan(Pools.atomic(USDC, "2995"));
        assertThat(rows.inventory(poolId)[3]).isEqualTo(held);
        assertThat(third.getStatus()).isEqualTo(PoolQuoteStatus.REFUSED);
        assertThat(third.getReason()).contains("Insufficient USDC inventory").contains("other firm quotes");
    }

    @Test
    void shouldAnswerARedeliveredRequestWithTheSameQuoteAndHoldItOnce() {
        String poolId = rayPool(USDC, 10_000);
        QuoteRequested request = Events.quoteRequest(RAY, USDC, "1000");

        PoolQuoted first = quoteFrom(poolId, request);
        PoolQuoted again = quoteFrom(poolId, request);

        assertThat(again.getQuoteId()).isEqualTo(first.getQuoteId());
        assertThat(again.getOutAmount()).isEqualTo(first.getOutAmount());
        assertThat(rows.inventory(poolId)[3]).isEqualTo(first.getOutAmount().toBigIntegerExact());
    }

    @Test
    void shouldFillAValidFirmQuoteAtTheQuotedPriceEvenAfterTheMarketMoved() {
        String poolId = rayPool(USDT, 10_000);
        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(RAY, USDT, "1000"));
        BigInteger quotedOut = quote.getOutAmount().toBigIntegerExact();
        BigInteger[] before = rows.inventory(poolId);
        LivePrices.set(prices, RAY, "1.5");

        LegExecuted executed = execute(poolId, quote.getQuoteId(), RAY, USDT, "1000", quotedOut);

        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getOutAmount().toBigIntegerExact()).isEqualTo(quotedOut);
        assertThat(executed.getExecutionPrice()).isEqualByComparingTo(quote.getPrice());
        BigInteger[] after = rows.inventory(poolId);
        assertThat(after[1]).isEqualTo(before[1].subtract(quotedOut));
        assertThat(after[3]).isZero(); // the reservation was consumed, not left behind
    }

    @Test
    void shouldFillASmallerLegOfAFirmQuoteAtItsPriceAndFreeTheRestOfItsHoldAtOnce() {
        String poolId = rayPool(USDC, 10_000, "3000");
        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));
        LivePrices.set(prices, RAY, "1.5"); // re-priced, 400 RAY would return less than quoted

        // A split gave the pool 400 of the 1,000 RAY it quoted: 40 % of the quoted output, as the router expects.
        BigInteger legOut = quote.getOutAmount().toBigIntegerExact().multiply(BigInteger.valueOf(400))
                .divide(BigInteger.valueOf(1000));
        LegExecuted executed = execute(poolId, quote.getQuoteId(), RAY, USDC, "400", legOut);

        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getOutAmount().toBigIntegerExact()).isEqualTo(legOut);
        assertThat(executed.getExecutionPrice()).isEqualByComparingTo(quote.getPrice());
        BigInteger[] after = rows.inventory(poolId);
        assertThat(after[1]).isEqualTo(Pools.atomic(USDC, "3000").subtract(legOut));
        assertThat(after[3]).as("nothing of the quote is still held").isZero();
        assertThat(jdbc.queryForObject("select in_amount from otc_pool.reservation where quote_id = ?",
                BigInteger.class, quote.getQuoteId())).isEqualTo(Pools.atomic(RAY, "400"));
        LivePrices.set(prices, RAY, "2");
        PoolQuoted next = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));
        assertThat(next.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        assertThat(next.getInAmount().toBigIntegerExact()).as("the rest of the first hold pays for all of it at once")
                .isEqualTo(Pools.atomic(RAY, "1000"));
    }

    @Test
    void shouldPublishItsTiersAndFillASmallerLegInACheaperTierAtThatTiersPrice() {
        String poolId = Pools.newId(RAY, USDC);
        // 25 bps, 20 bps more from 500 RAY: the quote for 1,000 RAY is at 45 bps, a leg under 500 RAY at 25.
        admin.create(new NewPoolInput(poolId, RAY.symbol(), USDC.symbol(), "50000", "100000", true, 25,
                List.of(new TermsInput.TierInput("0", 0), new TermsInput.TierInput("500", 20)), 0, "10", "20000",
                10_000, 0, 0), ApiKeys.ADMIN_ID);
        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(RAY, USDC, "1000"));

        assertThat(quote.getSpreadBps()).isEqualTo(45);
        assertThat(quote.getTiers())
                .extracting(t -> t.getMinInAmount().toBigIntegerExact(), PoolQuoteTier::getSpreadBps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Pools.atomic(RAY, "10"), 25),
                        org.assertj.core.groups.Tuple.tuple(Pools.atomic(RAY, "500"), 45));
        PoolQuoteTier cheaper = quote.getTiers().get(0);
        BigInteger legOut = cheaper.getOutAmount().toBigIntegerExact().multiply(Pools.atomic(RAY, "400"))
                .divide(cheaper.getInAmount().toBigIntegerExact());
        LegExecuted executed = execute(poolId, quote.getQuoteId(), RAY, USDC, "400", legOut);

        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getOutAmount().toBigIntegerExact()).as("what the router was shown for this leg")
                .isEqualTo(legOut)
                .isGreaterThan(quote.getOutAmount().toBigIntegerExact().multiply(BigInteger.valueOf(400))
                        .divide(BigInteger.valueOf(1000)));
        assertThat(executed.getExecutionPrice()).isGreaterThan(quote.getPrice());
        assertThat(rows.inventory(poolId)[3]).as("nothing of the quote is still held").isZero();
    }

    @Test
    void shouldRepriceALegLargerThanItsFirmQuote() {
        String poolId = rayPool(USDT, 10_000);
        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(RAY, USDT, "1000"));

        LegExecuted executed = execute(poolId, quote.getQuoteId(), RAY, USDT, "1200", Pools.atomic(USDT, "2000"));

        // 1,200 RAY re-priced at $2 less 25 bps = 2,394 USDT; the firm quote covered 1,000 only, and its hold is
        // released rather than left to compete with the re-priced leg until it expires.
        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getOutAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(USDT, "2394"));
        assertThat(jdbc.queryForObject("select status from otc_pool.reservation where quote_id = ?", String.class,
                quote.getQuoteId())).isEqualTo("RELEASED");
    }

    @Test
    void shouldReleaseAnExpiredQuoteAndRepriceItsLegNeverFillingAtTheStalePrice() {
        String poolId = rayPool(USDT, 500);
        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(RAY, USDT, "1000"));
        BigInteger quotedOut = quote.getOutAmount().toBigIntegerExact();
        // The sweep gives the held inventory back once the quote expired.
        await().atMost(WAIT).until(() -> rows.inventory(poolId)[3].signum() == 0);
        LivePrices.set(prices, RAY, "1.9");

        LegExecuted atQuotedMinimum = execute(poolId, quote.getQuoteId(), RAY, USDT, "1000", quotedOut);
        LegExecuted withRoom = execute(poolId, quote.getQuoteId(), RAY, USDT, "1000", Pools.atomic(USDT, "1800"));

        assertThat(atQuotedMinimum.getStatus()).isEqualTo(LegStatus.REJECTED);
        assertThat(atQuotedMinimum.getReason()).contains("below the leg minimum");
        assertThat(withRoom.getStatus()).isEqualTo(LegStatus.FILLED);
        // Re-priced at $1.9 less 25 bps = 1,895.25 USDT, not the 1,995 USDT quoted at $2.
        assertThat(withRoom.getOutAmount().toBigIntegerExact()).isEqualTo(Pools.atomic(USDT, "1895.25"));
        assertThat(rows.inventory(poolId)[3]).isZero();
    }

    @Test
    void shouldReleaseSoonTheFirmQuoteOfADecisionThatWentToAnotherVenue() {
        String poolId = rayPool(USDC, 60_000);
        QuoteRequested request = Events.quoteRequest(RAY, USDC, "1000");
        PoolQuoted quote = quoteFrom(poolId, request);
        RouteDecided otc = Events.otcDecision(RAY, USDC, poolId, quote.getQuoteId(), Pools.atomic(RAY, "1000"),
                BigInteger.ONE);
        RouteLeg dexLeg = RouteLeg.newBuilder(otc.getLegs().get(0)).setLegId("dex-1").setVenue(Venue.DEX)
                .setPoolId(null).setQuoteId(null).build();
        RouteDecided dexOnly = RouteDecided.newBuilder(otc).setRequestId(request.getRequestId()).setRoute(Route.DEX)
                .setLegs(List.of(dexLeg)).build();
        assertThat(rows.inventory(poolId)[3]).isPositive();

        execution.execute(dexOnly);

        // Released with the other decisions' unused quotes, within a fraction of a second: long before the expiry.
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.inventory(poolId)[3].signum() == 0);
        assertThat(jdbc.queryForObject("select status from otc_pool.reservation where quote_id = ?", String.class,
                quote.getQuoteId())).isEqualTo("RELEASED");
    }

    @Test
    void shouldSkipARequestReadAfterItsReplyDeadlineAndHoldNothingForIt() {
        String poolId = rayPool(USDC, 10_000);
        QuoteRequested late = QuoteRequested.newBuilder(Events.quoteRequest(RAY, USDC, "1000"))
                .setReplyBy(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS)).build();

        quoting.answer(late);
        BigInteger heldAfterLate = rows.inventory(poolId)[3];
        quoting.answer(Events.quoteRequest(RAY, USDC, "1000"));

        assertThat(heldAfterLate).isZero();
        assertThat(rows.inventory(poolId)[3]).isEqualTo(Pools.atomic(USDC, "1995"));
    }

    @Test
    void shouldRefuseToQuoteOnAStaticReferencePrice() {
        String poolId = Pools.newId(BONK, USDC);
        admin.create(Pools.pool(poolId, BONK, USDC, "1000000000", "20000", "100000", "100000000", 10_000),
                ApiKeys.ADMIN_ID);
        prices.update(BONK.mint(), new ReferencePrice(new BigDecimal("0.00002"), null, PriceSource.STATIC, true,
                Instant.now()));

        PoolQuoted quote = quoteFrom(poolId, Events.quoteRequest(BONK, USDC, "1000000"));

        assertThat(quote.getStatus()).isEqualTo(PoolQuoteStatus.REFUSED);
        assertThat(quote.getReason()).contains("BONK").contains("STATIC");
        assertThat(rows.inventory(poolId)[3]).isZero();
    }

    private String rayPool(Token quote, int ttlMs) {
        return rayPool(quote, ttlMs, "100000");
    }

    private String rayPool(Token quote, int ttlMs, String quoteUnits) {
        String poolId = Pools.newId(RAY, quote);
        // Balanced at $2 only for the default 100,000 quote units; skew is checked in the unit tests.
        admin.create(Pools.pool(poolId, RAY, quote, "50000", quoteUnits, "10", "20000", ttlMs), ApiKeys.ADMIN_ID);
        return poolId;
    }

    private PoolQuoted quoteFrom(String poolId, QuoteRequested request) {
        return quoting.quotesFor(request).stream().filter(q -> poolId.equals(q.getPoolId())).findFirst()
                .orElseThrow();
    }

    private LegExecuted execute(String poolId, String quoteId, Token input, Token output, String units,
            BigInteger minOut) {
        RouteDecided decision = Events.otcDecision(input, output, poolId, quoteId, Pools.atomic(input, units),
                minOut);
        execution.execute(decision);
        return await().atMost(WAIT).until(() -> collector.events(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(decision.getTradeId())), found -> !found.isEmpty()).get(0);
    }

}
