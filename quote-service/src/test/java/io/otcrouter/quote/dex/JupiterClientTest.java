package io.otcrouter.quote.dex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.otcrouter.quote.JupiterFixtures.ERROR_400_INVALID_REQUEST;
import static io.otcrouter.quote.JupiterFixtures.ERROR_400_NO_ROUTE;
import static io.otcrouter.quote.JupiterFixtures.ERROR_429_API_GATEWAY;
import static io.otcrouter.quote.JupiterFixtures.QUOTE_SOL_USDC;
import static io.otcrouter.quote.JupiterFixtures.body;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.JupiterFixtures;
import io.otcrouter.quote.budget.RateLimitFeedback;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JupiterClientTest {

    /** 0.1 SOL at 50 bps, as in the documented quote. */
    private static final DexQuoteRequest TENTH_OF_A_SOL = new DexQuoteRequest(SOL.mint(), USDC.mint(),
            SOL.toAtomic(new BigDecimal("0.1")), 50);
    private static final String API_KEY = "test-key-123";

    private final WireMockServer jupiter = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        jupiter.start();
    }

    @AfterEach
    void stop() {
        jupiter.stop();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> feedback = new ArrayList<>();
    private final RateLimitFeedback recordingFeedback = (status, remaining, reset) -> feedback
            .add(status + " remaining=" + remaining + " reset=" + reset);

    private JupiterClient client(String apiKey, Duration readTimeout) {
        JupiterProperties properties = new JupiterProperties(jupiter.baseUrl() + "/swap/v1", apiKey,
                JupiterMode.LIVE, Duration.ofSeconds(3), readTimeout);
        return JupiterClient.create(RestClient.builder(), JSON, properties, recordingFeedback);
    }

    private JupiterClient client() {
        return client(null, Duration.ofSeconds(3));
    }

    private void answer(int status, String fixture) {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(JupiterFixtures.answer(status, fixture)));
    }

    @Test
    void shouldReadTheDocumentedQuoteExactly() {
        answer(200, QUOTE_SOL_USDC);

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
        assertThat(quote.outAmount()).isEqualTo(new BigInteger("16198753"));
        assertThat(quote.otherAmountThreshold()).isEqualTo(new BigInteger("16117760"));
        assertThat(quote.priceImpactPct()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(quote.routeLabels()).containsExactly("Meteora DLMM");
        assertThat(quote.contextSlot()).isEqualTo(299283763L);
    }

    @Test
    void shouldAskForAnExactInQuoteInAtomicUnitsWithoutAnApiKeyByDefault() {
        answer(200, QUOTE_SOL_USDC);

        client().quote(TENTH_OF_A_SOL);

        jupiter.verify(getRequestedFor(urlPathEqualTo("/swap/v1/quote"))
                .withQueryParam("inputMint", equalTo(SOL.mint()))
                .withQueryParam("outputMint", equalTo(USDC.mint()))
                .withQueryParam("amount", equalTo("100000000"))
                .withQueryParam("slippageBps", equalTo("50"))
                .withQueryParam("swapMode", equalTo("ExactIn"))
                .withQueryParam("restrictIntermediateTokens", equalTo("true"))
                .withHeader(JupiterClient.API_KEY_HEADER, absent()));
    }

    @Test
    void shouldSendTheApiKeyWhenConfigured() {
        answer(200, QUOTE_SOL_USDC);

        client(API_KEY, Duration.ofSeconds(3)).quote(TENTH_OF_A_SOL);

        jupiter.verify(getRequestedFor(urlPathEqualTo("/swap/v1/quote"))
                .withHeader(JupiterClient.API_KEY_HEADER, equalTo(API_KEY)));
    }

    @Test
    void shouldReportNoRouteWhenJupiterCannotFindAnyRoute() {
        answer(400, ERROR_400_NO_ROUTE);

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.NO_ROUTE);
        assertThat(quote.reason()).contains("COULD_NOT_FIND_ANY_ROUTE");
        assertThat(quote.outAmount()).isNull();
    }

    @Test
    void shouldReportUnavailableWhenRateLimited() {
        answer(429, ERROR_429_API_GATEWAY);

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("429").contains("Too many requests");
    }

    @Test
    void shouldReportAnInvalidRequestAsUnavailableBecauseItsCodeIsNotANoRouteCode() {
        // The body says INVALID_REQUEST ("Cannot set dexes and exclude dexes at the same time"): our request is
        // wrong, which says nothing about liquidity, so the venue is unavailable for it, not routeless.
        answer(400, ERROR_400_INVALID_REQUEST);

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("400").contains("INVALID_REQUEST");
    }

    @Test
    void shouldReportUnavailableOnServerErrorsWithoutABody() {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(503)));

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("503");
    }

    @Test
    void shouldReportUnavailableWhenTheQuoteIsMalformed() {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"outAmount\":\"lots\",\"otherAmountThreshold\":\"1\"}")));

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("malformed");
        assertThat(quote.outAmount()).isNull();
    }

    @Test
    void shouldReportUnavailableWhenJupiterIsTooSlow() {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1_000).withBody(body(QUOTE_SOL_USDC))));

        DexQuote quote = client(null, Duration.ofMillis(200)).quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("unreachable");
    }

    @Test
    void shouldReadEveryFieldOfTheDocumentedQuote() {
        JupiterQuoteResponse quote = client().readQuote(body(QUOTE_SOL_USDC));

        assertThat(quote.inputMint()).isEqualTo(SOL.mint());
        assertThat(quote.inAmount()).isEqualTo("100000000");
        assertThat(quote.outputMint()).isEqualTo(USDC.mint());
        assertThat(quote.outAmount()).isEqualTo("16198753");
        assertThat(quote.otherAmountThreshold()).isEqualTo("16117760");
        assertThat(quote.swapMode()).isEqualTo("ExactIn");
        assertThat(quote.slippageBps()).isEqualTo(50);
        assertThat(quote.platformFee()).isNull();
        assertThat(quote.priceImpactPct()).isEqualTo("0");
        assertThat(quote.contextSlot()).isEqualTo(299283763L);
        assertThat(quote.timeTaken()).isEqualByComparingTo("0.015257836");
        assertThat(quote.routePlan()).singleElement().satisfies(step -> {
            assertThat(step.percent()).isEqualTo(100);
            assertThat(step.bps()).isNull();
            assertThat(step.shareBps()).isEqualTo(10_000);
            assertThat(step.swapInfo()).isEqualTo(new JupiterQuoteResponse.SwapInfo(
                    "5BKxfWMbmYBAEWvyPZS9esPducUba9GqyMjtLCfbaqyF", "Meteora DLMM", SOL.mint(), USDC.mint(),
                    "100000000", "16198753", null, null));
        });
        assertThat(quote.mostReliableAmmsQuoteReport().info()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BZtgQEyS6eXUXicYPHecYQ7PybqodXQMvkjUbP4R8mUU", "16195832",
                "Czfq3xZZDmsdGdUyrNLtRhGc47cXcZtLG4crryfu44zE", "16190214"));
    }

    /**
     * No real payload has a null {@code percent}, a {@code bps} share, fee fields or a platform fee object, so
     * this takes the documented quote and sets those fields the way SOURCES.md and Jupiter's docs describe them.
     */
    @Test
    void shouldReadANullPercentWithABpsShareHopFeesAndAPlatformFeeObject() {
        ObjectNode quote = (ObjectNode) JSON.readTree(body(QUOTE_SOL_USDC));
        ObjectNode hop = (ObjectNode) quote.get("routePlan").get(0);
        hop.putNull("percent");
        hop.put("bps", 10_000);
        ((ObjectNode) hop.get("swapInfo")).put("feeAmount", "5000").put("feeMint", SOL.mint());
        quote.putObject("platformFee").put("amount", "8100").put("feeBps", 5);

        JupiterQuoteResponse parsed = client().readQuote(JSON.writeValueAsBytes(quote));

        JupiterQuoteResponse.RoutePlanStep step = parsed.routePlan().get(0);
        assertThat(step.percent()).isNull();
        assertThat(step.bps()).isEqualTo(10_000);
        assertThat(step.shareBps()).isEqualTo(10_000);
        assertThat(step.swapInfo().feeAmount()).isEqualTo("5000");
        assertThat(step.swapInfo().feeMint()).isEqualTo(SOL.mint());
        assertThat(parsed.platformFee()).isEqualTo(new JupiterQuoteResponse.PlatformFee("8100", 5));
    }

    @Test
    void shouldQuoteFromABodyWithANullPercentAndAPlatformFee() {
        ObjectNode quote = (ObjectNode) JSON.readTree(body(QUOTE_SOL_USDC));
        ((ObjectNode) quote.get("routePlan").get(0)).putNull("percent");
        quote.putObject("platformFee").put("amount", "8100").put("feeBps", 5);
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsBytes(quote))));

        DexQuote parsed = client().quote(TENTH_OF_A_SOL);

        assertThat(parsed.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(parsed.outAmount()).isEqualTo(new BigInteger("16198753"));
    }

    @Test
    void shouldTellTheLimiterWhatJupitersRateLimitHeadersSay() {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", "42")
                .withBody(body(ERROR_429_API_GATEWAY))));

        client().quote(TENTH_OF_A_SOL);

        assertThat(feedback).containsExactly("429 remaining=0 reset=42");
    }

    @Test
    void shouldReportUnavailableWhenJupiterAnswersForAnotherSize() {
        answer(200, QUOTE_SOL_USDC);

        DexQuote quote = client().quote(TENTH_OF_A_SOL.withAmount(SOL.toAtomic(BigDecimal.ONE)));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains("inAmount 100000000");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 500, 502})
    void shouldReportUnavailableForAuthAndServerErrors(int status) {
        jupiter.stubFor(get(urlPathEqualTo("/swap/v1/quote")).willReturn(aResponse().withStatus(status)));

        DexQuote quote = client().quote(TENTH_OF_A_SOL);

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quote.reason()).contains(String.valueOf(status));
    }
}
