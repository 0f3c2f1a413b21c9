package io.otcrouter.quote.metrics;

import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Venue;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.TestLanes;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.dex.BudgetedJupiter;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.JupiterClient;
import io.otcrouter.quote.dex.JupiterMode;
import io.otcrouter.quote.dex.JupiterProperties;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import tools.jackson.databind.json.JsonMapper;
import io.otcrouter.testsupport.time.MutableClock;

class QuoteMetricsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final int BURST = 3;

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedDex simulated = new SimulatedDex(new ReferencePrices(), CATALOG,
            new SimulatedDexProperties(new BigDecimal("20000000"), 30));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double quotes(String source, String status, String fromCache) {
        return registry.get(QuoteMetrics.QUOTES).tag("source", source).tag("status", status)
                .tag("from_cache", fromCache).counter().count();
    }

    private double fills(String status) {
        return registry.get(QuoteMetrics.FILLS).tag("status", status).counter().count();
    }

    private double budgetRemaining() {
        return registry.get(QuoteMetrics.BUDGET_REMAINING).gauge().value();
    }

    @Test
    void shouldCountEachAnswerBySourceStatusAndWhetherItCameFromTheCurve() {
        QuoteMetrics metrics = new QuoteMetrics(registry, DexQuoter.simulatedOnly(simulated, clock));

        metrics.quoteAnswered(answer(QuoteSource.LIVE, JupiterQuoteStatus.QUOTED, true));
        metrics.quoteAnswered(answer(QuoteSource.LIVE, JupiterQuoteStatus.QUOTED, true));
        metrics.quoteAnswered(answer(QuoteSource.SIMULATED, JupiterQuoteStatus.NO_ROUTE, false));

        assertThat(quotes("LIVE", "QUOTED", "true")).isEqualTo(2);
        assertThat(quotes("LIVE", "QUOTED", "false")).isZero();
        assertThat(quotes("SIMULATED", "NO_ROUTE", "false")).isEqualTo(1);
        assertThat(quotes("LIVE", "UNAVAILABLE", "false")).isZero();
    }

    @Test
    void shouldCountEachExecutedLegByStatusStartingFromZero() {
        QuoteMetrics metrics = new QuoteMetrics(registry, DexQuoter.simulatedOnly(simulated, clock));

        metrics.legExecuted(leg(LegStatus.FAILED));

        assertThat(fills("FAILED")).isEqualTo(1);
        assertThat(fills("FILLED")).isZero();
        assertThat(fills("REJECTED")).isZero();
    }

    @Test
    void shouldReportNoBudgetInSimulatedMode() {
        new QuoteMetrics(registry, DexQuoter.simulatedOnly(simulated, clock));

        assertThat(budgetRemaining()).isNaN();
    }

    @Test
    void shouldReportTheCallsThatCouldStartNowFromTheSharedLimiter() {
        JupiterRateLimiter limiter = new JupiterRateLimiter(BigDecimal.ONE, BURST, Duration.ofSeconds(10), clock);
        new QuoteMetrics(registry, liveQuoter(limiter));
        assertThat(budgetRemaining()).isEqualTo(BURST);

        limiter.reserve(T0);

        assertThat(budgetRemaining()).isEqualTo(BURST - 1);
    }

    private DexQuoter liveQuoter(JupiterRateLimiter limiter) {
        DepthCurveCache curves = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 24, clock);
        JupiterProperties properties = new JupiterProperties("http://localhost:9/unused", null, JupiterMode.LIVE,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        JupiterClient client = JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties,
                limiter);
        BudgetedJupiter jupiter = new BudgetedJupiter(client, limiter, slot -> true, curves,
                TestLanes.inline(16, clock), clock);
        return new DexQuoter(JupiterMode.LIVE, jupiter, simulated, curves, clock, Duration.ofMillis(200));
    }

    private static JupiterQuoted answer(QuoteSource source, JupiterQuoteStatus status, boolean fromCache) {
        return JupiterQuoted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(T0)
                .setRequestId(UUID.randomUUID().toString())
                .setPair("SOL/USDC")
                .setInputMint("in")
                .setOutputMint("out")
                .setInAmount(EventDecimals.atomic(BigInteger.ONE))
                .setStatus(status)
                .setSource(source)
                .setFromCache(fromCache)
                .build();
    }

    private static LegExecuted leg(LegStatus status) {
        return LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(T0)
                .setTradeId(UUID.randomUUID().toString())
                .setLegId("leg-dex-1")
                .setVenue(Venue.DEX)
                .setInAmount(EventDecimals.atomic(BigInteger.ONE))
                .setOutAmount(EventDecimals.atomic(BigInteger.ZERO))
                .setQuoteSource(QuoteSource.SIMULATED)
                .setStatus(status)
                .setExecutedAt(T0)
                .build();
    }
}
