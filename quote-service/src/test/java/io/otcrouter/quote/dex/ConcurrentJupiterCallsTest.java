package io.otcrouter.quote.dex;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.otcrouter.quote.JupiterFixtures.QUOTE_SOL_USDC;
import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.JupiterFixtures;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.budget.Pacer;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.testsupport.time.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jupiter calls on the request lane's own threads against WireMock serving the documented 0.1 SOL quote, slowly
 * for the slippages a test picks. What is asserted is which request waited for which call, never how long.
 */
class ConcurrentJupiterCallsTest {

    private static final DexQuoteRequest TENTH_OF_A_SOL = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("0.1")), 50);
    /** Same size, so Jupiter's documented answer fits it; only its slippage tells WireMock to be slow. */
    private static final DexQuoteRequest SLOW_TENTH = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("0.1")), 51);
    private static final DexQuoteRequest SLOW_TWENTIETH = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("0.05")), 51);
    private static final DexQuoteRequest USDC_TO_SOL = new DexQuoteRequest(USDC.mint(), SOL.mint(),
            USDC.toAtomic(new BigDecimal("16")), 50);
    private static final BigInteger TENTH_OUT = new BigInteger("16198753");

    private final WireMockServer jupiter = new WireMockServer(options().dynamicPort());
    private RequestLane lane;

    /** Answers every size with the documented quote, after {@code slowMs} for slippage 51. */
    private void serve(int slowMs) {
        jupiter.start();
        jupiter.stubFor(get(urlPathEqualTo("/quote"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC)));
        jupiter.stubFor(get(urlPathEqualTo("/quote")).withQueryParam("slippageBps", equalTo("51"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC).withFixedDelay(slowMs)));
    }

    private DexQuoter quoter(int maxConcurrency, JupiterRateLimiter limiter, Pacer pacer, Clock clock,
            Duration maxSlotWait) {
        lane = RequestLane.ofThreads(maxConcurrency, clock);
        DepthCurveCache curves = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 24, clock);
        // a read timeout past every delay served here: the calls end when WireMock answers, not before
        JupiterProperties properties = new JupiterProperties(jupiter.baseUrl(), null, JupiterMode.LIVE,
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        JupiterClient client = JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties,
                limiter);
        BudgetedJupiter budgeted = new BudgetedJupiter(client, limiter, pacer, curves, lane, clock);
        SimulatedDex simulated = new SimulatedDex(new ReferencePrices(), CATALOG,
                new SimulatedDexProperties(new BigDecimal("20000000"), 30));
        return new DexQuoter(JupiterMode.LIVE, budgeted, simulated, curves, clock, maxSlotWait);
    }

    /** A budget that is never the limit: 1,000 calls a second, 50 at once. */
    private DexQuoter unlimitedQuoter(int maxConcurrency) {
        Clock clock = Clock.systemUTC();
        return quoter(maxConcurrency, new JupiterRateLimiter(new BigDecimal("1000"), 50, Duration.ofSeconds(10),
                Duration.ofSeconds(5), clock), Pacer.parking(clock), clock, Duration.ofMillis(200));
    }

    private int jupiterCalls() {
        return jupiter.findAll(anyRequestedFor(anyUrl())).size();
    }

    @AfterEach
    void stop() {
        if (lane != null) {
            lane.close();
        }
        jupiter.stop();
    }

    @Test
    void shouldAnswerOtherRequestsWhileOneCallHangsAndAnswerTheHungOneFromTheCurveAtItsDeadline() throws Exception {
        serve(5_000);
        DexQuoter quoter = unlimitedQuoter(4);
        Instant now = Instant.now();

        CompletableFuture<DexQuote> hung = quoter.quote(SLOW_TWENTIETH, now.plusSeconds(10), now.plusSeconds(2));
        CompletableFuture<DexQuote> fast = quoter.quote(TENTH_OF_A_SOL, now.plusSeconds(10), now.plusSeconds(10));

        DexQuote firm = fast.get(10, TimeUnit.SECONDS);
        assertThat(hung).as("still waiting for its own call").isNotDone();
        assertThat(firm.fromCache()).isFalse();
        assertThat(firm.outAmount()).isEqualTo(TENTH_OUT);

        DexQuote fromCurve = hung.get(10, TimeUnit.SECONDS);
        assertThat(fromCurve.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(fromCurve.fromCache()).isTrue();
        // half the size on the chord from the origin through the fast request's point
        assertThat(fromCurve.outAmount()).isEqualTo(TENTH_OUT.divide(BigInteger.TWO));
        assertThat(fromCurve.reason()).contains("Jupiter did not answer by " + now.plusSeconds(2));
    }

    @Test
    void shouldRunNoMoreCallsAtOnceThanTheLimitAndAnswerTheNextRequestFromThePointTheyBring() throws Exception {
        serve(2_000);
        DexQuoter quoter = unlimitedQuoter(2);
        Instant deadline = Instant.now().plusSeconds(10);

        CompletableFuture<DexQuote> first = quoter.quote(SLOW_TENTH, deadline, deadline);
        CompletableFuture<DexQuote> second = quoter.quote(SLOW_TENTH, deadline, deadline);
        CompletableFuture<DexQuote> third = quoter.quote(SLOW_TENTH, deadline, deadline);

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS))).allSatisfy(quote -> {
            assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
            assertThat(quote.fromCache()).isFalse();
        });
        // no permit left, no curve yet: it waited for the pair's call in flight and answered from its point
        DexQuote fromTheirPoint = third.get(10, TimeUnit.SECONDS);
        assertThat(fromTheirPoint.fromCache()).isTrue();
        assertThat(fromTheirPoint.outAmount()).isEqualTo(TENTH_OUT);
        assertThat(fromTheirPoint.reason()).contains("all 2 Jupiter calls in flight");
        assertThat(jupiterCalls()).isEqualTo(2);
    }

    @Test
    void shouldAnswerARequestWithNoCallAndNoCurveAtItsDeadlineWhenThePairsCallInFlightHangs() throws Exception {
        serve(5_000);
        DexQuoter quoter = unlimitedQuoter(1);
        Instant now = Instant.now();

        CompletableFuture<DexQuote> hung = quoter.quote(SLOW_TENTH, now.plusSeconds(10), now.plusSeconds(8));
        CompletableFuture<DexQuote> behind = quoter.quote(TENTH_OF_A_SOL, now.plusSeconds(10), now.plusSeconds(1));

        DexQuote unavailable = behind.get(10, TimeUnit.SECONDS);
        assertThat(hung).as("its own deadline is later").isNotDone();
        assertThat(unavailable.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(unavailable.reason()).contains("all 1 Jupiter calls in flight");
        assertThat(jupiterCalls()).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyOneCallPerPairWaitForTheBudgetSoThatAnotherPairGetsTheNextSlot() throws Exception {
        serve(0);
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
        Instant t0 = clock.instant();
        List<Instant> paced = new CopyOnWriteArrayList<>();
        CountDownLatch budgetMoves = new CountDownLatch(1);
        Pacer waitingForTheTest = slot -> {
            paced.add(slot);
            try {
                if (slot.isAfter(clock.instant())) {
                    budgetMoves.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            clock.advanceTo(slot);
            return true;
        };
        // one call a second, and a request may reserve a slot up to 3 s ahead
        DexQuoter quoter = quoter(4, new JupiterRateLimiter(BigDecimal.ONE, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(5), clock), waitingForTheTest, clock, Duration.ofSeconds(3));
        Instant deadline = t0.plusSeconds(10);

        DexQuote now = quoter.quote(TENTH_OF_A_SOL, deadline, deadline).join();
        CompletableFuture<DexQuote> sameSecondWaits = quoter.quote(TENTH_OF_A_SOL, deadline, deadline);
        CompletableFuture<DexQuote> sameThirdDoesNot = quoter.quote(TENTH_OF_A_SOL, deadline, deadline);
        CompletableFuture<DexQuote> otherPair = quoter.quote(USDC_TO_SOL, deadline, deadline);
        await().atMost(Duration.ofSeconds(10)).until(() -> paced.size() >= 3);
        budgetMoves.countDown();

        assertThat(now.fromCache()).isFalse();
        assertThat(sameThirdDoesNot).isDone();
        assertThat(sameThirdDoesNot.join().fromCache()).isTrue();
        assertThat(sameThirdDoesNot.join().reason()).contains("another call for this pair is already waiting");
        // without the rule the third SOL→USDC request would have taken t0+2 s and USDC→SOL t0+3 s
        assertThat(paced).containsExactlyInAnyOrder(t0, t0.plusSeconds(1), t0.plusSeconds(2));
        assertThat(sameSecondWaits.join().fromCache()).isFalse();
        otherPair.join();
        assertThat(jupiterCalls()).isEqualTo(3);
    }
}
