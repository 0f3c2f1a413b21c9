package io.otcrouter.quote;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.dex.BudgetedJupiter;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.JupiterClient;
import io.otcrouter.quote.dex.JupiterMode;
import io.otcrouter.quote.dex.JupiterProperties;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import io.otcrouter.testsupport.events.TestTokens;
import io.otcrouter.testsupport.time.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live-mode quoter wired like the service (keyless budget, 200 ms slot wait, 60 s curves) against a WireMock
 * Jupiter that serves the documented SOL→USDC quote for its own size (0.1 SOL) and the real no-route answer for any
 * other size. The clock is moved by hand, the pacer never waits and calls are made on the caller's thread, so every
 * quote is complete when it returns. Call {@link #stop()} after the test.
 */
public final class LiveJupiter {

    public static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    public static final BigInteger TENTH_OF_A_SOL = new BigInteger("100000000");
    public static final BigInteger TENTH_OUT = new BigInteger("16198753");
    /** The service's default {@code otc.jupiter.budget.max-slot-wait}. */
    public static final Duration MAX_SLOT_WAIT = Duration.ofMillis(200);

    public final WireMockServer server = new WireMockServer(options().dynamicPort());
    public final MutableClock clock = new MutableClock(T0);
    public final JupiterRateLimiter limiter = new JupiterRateLimiter(new BigDecimal("0.5"), 1,
            Duration.ofSeconds(10), clock);
    public final DepthCurveCache curves = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 24,
            clock);
    public final DexQuoter quoter;

    public LiveJupiter(JupiterMode mode) {
        server.start();
        server.stubFor(get(urlPathEqualTo("/quote"))
                .willReturn(JupiterFixtures.answer(400, JupiterFixtures.ERROR_400_NO_ROUTE)));
        server.stubFor(get(urlPathEqualTo("/quote")).withQueryParam("amount", equalTo(TENTH_OF_A_SOL.toString()))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC)));
        JupiterProperties properties = new JupiterProperties(server.baseUrl(), null, mode, Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        JupiterClient client = JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties,
                limiter);
        BudgetedJupiter budgeted = new BudgetedJupiter(client, limiter, slot -> {
            clock.advanceTo(slot);
            return true;
        }, curves, TestLanes.inline(16, clock), clock);
        SimulatedDex simulated = new SimulatedDex(new ReferencePrices(), TestTokens.CATALOG,
                new SimulatedDexProperties(new BigDecimal("20000000"), 30));
        this.quoter = new DexQuoter(mode, budgeted, simulated, curves, clock, MAX_SLOT_WAIT);
    }

    public int calls() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    public void stop() {
        server.stop();
    }
}
