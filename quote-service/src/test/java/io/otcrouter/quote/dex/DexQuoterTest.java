package io.otcrouter.quote.dex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.otcrouter.quote.JupiterFixtures.ERROR_400_NO_ROUTE;
import static io.otcrouter.quote.JupiterFixtures.ERROR_429_API_GATEWAY;
import static io.otcrouter.quote.JupiterFixtures.QUOTE_SOL_USDC;
import static io.otcrouter.quote.JupiterFixtures.body;
import static io.otcrouter.quote.TestTokens.CATALOG;
import static io.otcrouter.quote.TestTokens.SOL;
import static io.otcrouter.quote.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.dex.DexQuoter.DepthSample;
import io.otcrouter.quote.pricing.ReferencePrices;
import tools.jackson.databind.json.JsonMapper;

class DexQuoterTest {

    private static final DexQuoteRequest THOUSAND_SOL = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("1000")), 50);

    private final WireMockServer jupiter = new WireMockServer(options().dynamicPort());
    private final SimulatedDex simulated = new SimulatedDex(new ReferencePrices(), CATALOG,
            new SimulatedDexProperties(new BigDecimal("20000000"), 30));

    @BeforeEach
    void start() {
        jupiter.start();
    }

    @AfterEach
    void stop() {
        jupiter.stop();
    }

    private DexQuoter quoter(JupiterMode mode) {
        JupiterProperties properties = new JupiterProperties(jupiter.baseUrl(), null, mode, Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        return new DexQuoter(mode,
                JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties), simulated);
    }

    private void answer(int status, String fixture) {
        jupiter.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body(fixture))));
    }

    @Test
    void shouldFallBackToTheSimulatedPoolsInAutoModeWhenJupiterIsRateLimited() {
        answer(429, ERROR_429_API_GATEWAY);

        DexQuote quote = quoter(JupiterMode.AUTO).quote(THOUSAND_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.source()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(quote.reason()).contains("simulated fallback").contains("429");
    }

    @Test
    void shouldReportUnavailableInLiveModeWhenJupiterIsRateLimited() {
        answer(429, ERROR_429_API_GATEWAY);

        DexQuote quote = quoter(JupiterMode.LIVE).quote(THOUSAND_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
    }

    @Test
    void shouldKeepJupitersNoRouteInAutoModeRatherThanInventALiquidPool() {
        answer(400, ERROR_400_NO_ROUTE);

        DexQuote quote = quoter(JupiterMode.AUTO).quote(THOUSAND_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.NO_ROUTE);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
    }

    @Test
    void shouldNeverCallJupiterInSimulatedMode() {
        DexQuote quote = quoter(JupiterMode.SIMULATED).quote(THOUSAND_SOL);

        assertThat(quote.source()).isEqualTo(QuoteSource.SIMULATED);
        jupiter.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldDrawAFivePointCurveFromTheSimulationAroundTheFullSizeQuote() {
        DexQuoter quoter = quoter(JupiterMode.SIMULATED);
        DexQuote quote = quoter.quote(THOUSAND_SOL);

        List<DepthSample> curve = quoter.depthCurve(THOUSAND_SOL, quote);

        BigInteger size = THOUSAND_SOL.amount();
        assertThat(curve).extracting(DepthSample::inAmount).containsExactly(
                size.divide(BigInteger.TEN), size.divide(BigInteger.valueOf(4)), size.divide(BigInteger.TWO), size,
                size.multiply(BigInteger.TWO));
        assertThat(curve.get(3).outAmount()).isEqualTo(quote.outAmount());
        assertThat(curve).extracting(DepthSample::outAmount).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldSpendNoExtraJupiterCallsOnTheCurveOfALiveQuote() {
        answer(200, QUOTE_SOL_USDC);
        DexQuoter quoter = quoter(JupiterMode.LIVE);
        DexQuote quote = quoter.quote(THOUSAND_SOL);

        List<DepthSample> curve = quoter.depthCurve(THOUSAND_SOL, quote);

        assertThat(curve).containsExactly(new DepthSample(THOUSAND_SOL.amount(), new BigInteger("16198753")));
        jupiter.verify(1, anyRequestedFor(anyUrl()));
    }
}
