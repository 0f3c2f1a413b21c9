package io.otcrouter.quote.dex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.otcrouter.quote.JupiterFixtures.ERROR_400_NO_ROUTE;
import static io.otcrouter.quote.JupiterFixtures.ERROR_429_API_GATEWAY;
import static io.otcrouter.quote.JupiterFixtures.QUOTE_SOL_USDC;
import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.JupiterFixtures;
import io.otcrouter.quote.TestLanes;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.budget.Pacer;
import io.otcrouter.quote.curve.ConcaveDepthHull;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.curve.DepthSample;
import io.otcrouter.testsupport.time.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quoter with the real limiter, curve cache and client against WireMock serving Jupiter's real payloads. The
 * clock is moved by hand and the pacer only records the slots it was asked to wait for, so nothing waits.
 */
class DexQuoterTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    /** The documented quote is for 0.1 SOL: 100,000,000 lamports → 16,198,753 micro-USDC. */
    private static final DexQuoteRequest TENTH_OF_A_SOL = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("0.1")), 50);
    private static final BigInteger TENTH_OUT = new BigInteger("16198753");
    private static final DexQuoteRequest THOUSAND_SOL = TENTH_OF_A_SOL.withAmount(SOL.toAtomic(new BigDecimal("1000")));
    /** The service's default {@code max-slot-wait}; at the keyless 0.5/s slots are 2 s apart. */
    private static final Duration MAX_SLOT_WAIT = Duration.ofMillis(200);

    private final WireMockServer jupiter = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedDex simulated = new SimulatedDex(new ReferencePrices(), CATALOG,
            new SimulatedDexProperties(new BigDecimal("20000000"), 30));
    private final DepthCurveCache curves = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 24,
            clock);
    private final JupiterRateLimiter limiter = new JupiterRateLimiter(new BigDecimal("0.5"), 1,
            Duration.ofSeconds(10), Duration.ofSeconds(5), clock);
    private final List<Instant> pacedSlots = Collections.synchronizedList(new ArrayList<>());
    private BudgetedJupiter budgeted;

    @BeforeEach
    void start() {
        jupiter.start();
        JupiterProperties properties = new JupiterProperties(jupiter.baseUrl(), null, JupiterMode.LIVE,
                Duration.ofSeconds(3), Duration.ofSeconds(3));
        JupiterClient client = JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties,
                limiter);
        Pacer recording = slot -> pacedSlots.add(slot);
        budgeted = new BudgetedJupiter(client, limiter, recording, curves, TestLanes.inline(16, clock), clock);
    }

    @AfterEach
    void stop() {
        jupiter.stop();
    }

    private DexQuoter quoter(JupiterMode mode) {
        return new DexQuoter(mode, budgeted, simulated, curves, clock, MAX_SLOT_WAIT);
    }

    /** The quote with Jupiter's answer awaited no later than the call's own deadline (calls are inline here). */
    private static DexQuote quote(DexQuoter quoter, DexQuoteRequest request, Instant latestStart) {
        return quoter.quote(request, latestStart, latestStart).join();
    }

    private void answer(int status, String fixture) {
        jupiter.stubFor(get(urlPathEqualTo("/quote")).willReturn(JupiterFixtures.answer(status, fixture)));
    }

    /** The documented quote for its own size; the real no-route answer for any other size. */
    private void answerTheDocumentedSizeOnly() {
        answer(400, ERROR_400_NO_ROUTE);
        jupiter.stubFor(get(urlPathEqualTo("/quote")).withQueryParam("amount", equalTo("100000000"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC)));
    }

    private int jupiterCalls() {
        return jupiter.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void shouldFallBackToTheSimulatedPoolsInAutoModeWhenJupiterIsRateLimited() {
        answer(429, ERROR_429_API_GATEWAY);

        DexQuote quote = quote(quoter(JupiterMode.AUTO), THOUSAND_SOL, T0.plusSeconds(1));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(quote.reason()).contains("simulated fallback").contains("429");
    }

    @Test
    void shouldReportUnavailableInLiveModeWhenJupiterIsRateLimitedAndNoCurveIsCached() {
        answer(429, ERROR_429_API_GATEWAY);

        DexQuote quote = quote(quoter(JupiterMode.LIVE), THOUSAND_SOL, T0.plusSeconds(1));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
        assertThat(quote.reason()).contains("429");
    }

    @Test
    void shouldKeepJupitersNoRouteInAutoModeRatherThanInventALiquidPool() {
        answer(400, ERROR_400_NO_ROUTE);

        DexQuote quote = quote(quoter(JupiterMode.AUTO), THOUSAND_SOL, T0.plusSeconds(1));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.NO_ROUTE);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
    }

    @Test
    void shouldNeverCallJupiterInSimulatedMode() {
        DexQuote quote = quote(DexQuoter.simulatedOnly(simulated, clock), THOUSAND_SOL, T0.plusSeconds(1));

        assertThat(quote.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(jupiterCalls()).isZero();
    }

    @Test
    void shouldDrawAFivePointCurveFromTheSimulationAroundTheFullSizeQuote() {
        DexQuoter quoter = DexQuoter.simulatedOnly(simulated, clock);
        DexQuote quote = quote(quoter, THOUSAND_SOL, T0);

        ConcaveDepthHull curve = quoter.depthCurve(THOUSAND_SOL, quote).orElseThrow();

        BigInteger size = THOUSAND_SOL.amount();
        assertThat(curve.points()).extracting(DepthSample::inAmount).containsExactly(
                size.divide(BigInteger.TEN), size.divide(BigInteger.valueOf(4)), size.divide(BigInteger.TWO), size,
                size.multiply(BigInteger.TWO));
        assertThat(curve.points().get(3).outAmount()).isEqualTo(quote.outAmount());
        assertThat(curve.points()).extracting(DepthSample::outAmount).isSorted().doesNotHaveDuplicates();
        assertThat(curve.observedAt()).isEqualTo(T0);
    }

    @Test
    void shouldPublishOnlyLivePointsWithALiveQuoteAndRecordEachLiveQuoteAsAPoint() {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        DexQuote quote = quote(quoter, TENTH_OF_A_SOL, T0.plusSeconds(1));

        ConcaveDepthHull curve = quoter.depthCurve(TENTH_OF_A_SOL, quote).orElseThrow();

        assertThat(quote.fromCache()).isFalse();
        assertThat(curve.points()).containsExactly(new DepthSample(TENTH_OF_A_SOL.amount(), TENTH_OUT));
        assertThat(curve.observedAt()).isEqualTo(T0);
        assertThat(jupiterCalls()).isEqualTo(1);
    }

    @Test
    void shouldWaitForTheNextSlotWhenItComesBeforeTheDeadlineAndWithinTheMaxSlotWait() {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);

        quote(quoter, TENTH_OF_A_SOL, T0.plusSeconds(5));
        clock.advance(Duration.ofMillis(1_900)); // the next slot, T0 + 2 s, is 100 ms away
        DexQuote second = quote(quoter, TENTH_OF_A_SOL, T0.plusSeconds(5));

        assertThat(second.fromCache()).isFalse();
        assertThat(pacedSlots).containsExactly(T0, T0.plusSeconds(2));
        assertThat(jupiterCalls()).isEqualTo(2);
    }

    @Test
    void shouldAnswerFromTheCurveRatherThanWaitLongerThanTheMaxSlotWaitEvenBeforeALaterDeadline() {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        quote(quoter, TENTH_OF_A_SOL, T0.plusMillis(1_700));
        clock.advance(Duration.ofMillis(500)); // the next slot, T0 + 2 s, is 1.5 s away

        // the deadline (a reply's replyBy less the call allowance) would allow waiting 1.5 s for it; the cap does not
        Instant latestStart = clock.instant().plusMillis(1_700);
        DexQuote quote = quote(quoter, TENTH_OF_A_SOL, latestStart);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.fromCache()).isTrue();
        assertThat(quote.outAmount()).isEqualTo(TENTH_OUT);
        assertThat(quote.reason()).contains("budget exhausted")
                .contains("no call could start by " + clock.instant().plus(MAX_SLOT_WAIT));
        assertThat(pacedSlots).containsExactly(T0);
        assertThat(jupiterCalls()).isEqualTo(1);
    }

    @Test
    void shouldAnswerFromTheFreshCurveAndSayItsAgeWhenTheBudgetCannotServeTheDeadline() {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        quote(quoter, TENTH_OF_A_SOL, T0.plusSeconds(1));
        clock.advance(Duration.ofMillis(1_500));
        DexQuoteRequest twentiethOfASol = TENTH_OF_A_SOL.withAmount(SOL.toAtomic(new BigDecimal("0.05")));

        DexQuote estimate = quote(quoter, twentiethOfASol, clock.instant().plusMillis(100));

        assertThat(estimate.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(estimate.source()).as("an estimate never travels as LIVE").isEqualTo(QuoteSource.CURVE);
        assertThat(estimate.fromCache()).isTrue();
        // half the size on the chord from the origin: 16,198,753 / 2 rounded down
        assertThat(estimate.outAmount()).isEqualTo(new BigInteger("8099376"));
        assertThat(estimate.otherAmountThreshold()).isEqualTo(new BigInteger("8058879")); // less 50 bps
        assertThat(estimate.reason()).contains("1500 ms ago").contains("budget exhausted");
        assertThat(jupiterCalls()).isEqualTo(1);
    }

    @Test
    void shouldNotAnswerFromAnExpiredCurveNorBeyondItsLargestSize() {
        answerTheDocumentedSizeOnly();
        DexQuoter live = quoter(JupiterMode.LIVE);
        quote(live, TENTH_OF_A_SOL, T0.plusSeconds(1));
        limiter.onResponse(429, "0", "60");

        DexQuote beyond = quote(live, THOUSAND_SOL, clock.instant());
        clock.advance(Duration.ofSeconds(61));
        limiter.onResponse(429, "0", "60");
        DexQuote expired = quote(live, TENTH_OF_A_SOL, clock.instant());
        DexQuote auto = quote(quoter(JupiterMode.AUTO), TENTH_OF_A_SOL, clock.instant());

        assertThat(beyond.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(expired.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(expired.reason()).contains("paused until");
        assertThat(auto.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(auto.reason()).contains("simulated fallback").contains("paused until");
    }

    @Test
    void shouldAnswerFromTheCurveWhenJupiterBecomesUnavailable() {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        quote(quoter, TENTH_OF_A_SOL, T0.plusSeconds(1));
        jupiter.resetAll();
        jupiter.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofSeconds(2));

        DexQuote quote = quote(quoter, TENTH_OF_A_SOL, clock.instant());

        assertThat(quote.fromCache()).isTrue();
        assertThat(quote.outAmount()).isEqualTo(TENTH_OUT);
        assertThat(quote.reason()).contains("503");
    }

    @Test
    void shouldStaySimulatedInAutoModeWhileJupiterIsDownWithoutCallingItAgain() {
        jupiter.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(503)));
        DexQuoter auto = quoter(JupiterMode.AUTO);

        DexQuote first = quote(auto, THOUSAND_SOL, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(3));
        DexQuote duringOutage = quote(auto, THOUSAND_SOL, clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(3)); // past the 5 s outage cooldown: Jupiter is tried again
        quote(auto, THOUSAND_SOL, clock.instant().plusSeconds(1));

        assertThat(first.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(first.reason()).contains("503");
        assertThat(duringOutage.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(duringOutage.reason()).contains("paused until " + T0.plusSeconds(5));
        assertThat(jupiterCalls()).isEqualTo(2);
    }

    @Test
    void shouldNeverExceedTheBudgetUnderFiftyConcurrentQuoteRequests() throws Exception {
        answerTheDocumentedSizeOnly();
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        quote(quoter, TENTH_OF_A_SOL, T0); // a fresh curve point, at T0
        clock.advance(Duration.ofMillis(1_900)); // the next slot, T0 + 2 s, is within the 200 ms max slot wait
        Instant deadline = T0.plusSeconds(10);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DexQuote>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return quote(quoter, TENTH_OF_A_SOL, deadline);
                }));
            }
            start.countDown();
            List<DexQuote> quotes = new ArrayList<>();
            for (Future<DexQuote> answer : answers) {
                quotes.add(answer.get());
            }

            // T0 is spent. The deadline would leave room for 5 more slots at 0.5/s (T0+2 … T0+10), but no request
            // waits longer than the max slot wait: only T0+2 is that close, so one request gets it and the other 49
            // answer at once from the curve instead of parking for seconds.
            assertThat(jupiterCalls()).isEqualTo(2);
            assertThat(pacedSlots).containsExactly(T0, T0.plusSeconds(2));
            assertThat(quotes).allSatisfy(quote -> {
                assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
                assertThat(quote.outAmount()).isEqualTo(TENTH_OUT);
            });
            assertThat(quotes).filteredOn(DexQuote::fromCache).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefreshTheCurveOfAnActivePairOnlyWithBudgetRequestsLeaveIdle() {
        answerTheDocumentedSizeOnly();
        DepthCurveRefresher refresher = new DepthCurveRefresher(budgeted, curves);
        DexQuoteRequest oneSol = TENTH_OF_A_SOL.withAmount(SOL.toAtomic(BigDecimal.ONE));
        quote(quoter(JupiterMode.LIVE), oneSol, T0); // NO_ROUTE at 1 SOL, but the pair is now active

        boolean whileBusy = refresher.refreshOnce();
        clock.advance(Duration.ofSeconds(2));
        boolean whenIdle = refresher.refreshOnce();

        assertThat(whileBusy).isFalse();
        assertThat(whenIdle).isTrue();
        // the first wanted size is 10 % of 1 SOL: the documented quote
        assertThat(curves.fresh(SOL.mint(), USDC.mint()).orElseThrow().points())
                .containsExactly(new DepthSample(TENTH_OF_A_SOL.amount(), TENTH_OUT));
        assertThat(jupiterCalls()).isEqualTo(2);
    }
}
