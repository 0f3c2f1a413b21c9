package io.otcrouter.price.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.price.Fixtures;
import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourceFailures;
import io.otcrouter.price.pricing.SourcePrice;
import io.otcrouter.price.pricing.SourceRateLimitedException;

class BinanceClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** The 24 h ticker fixture is Binance's documentation example for BNBBTC. */
    private static final Token BNB = new Token("BNB", "test-bnb-mint", 8, "binancecoin", null, "BNBBTC",
            new BigDecimal("600.00"));
    private static final Token UNLISTED = new Token("SOL", "test-sol-mint", 9, "solana", null, "SOLXYZ",
            new BigDecimal("150.00"));

    private final WireMockServer binance = new WireMockServer(wireMockConfig().dynamicPort());
    private BinanceClient client;

    @BeforeEach
    void start() {
        binance.start();
        client = BinanceClient.create(RestClient.builder(),
                new BinanceProperties(binance.baseUrl(), Duration.ofSeconds(2), Duration.ofMillis(500)), CLOCK);
    }

    @AfterEach
    void stop() {
        binance.stop();
    }

    @Test
    void shouldReadTheLastPriceTheRolling24hChangeAndTheCloseTime() {
        stubTicker("BNBBTC", json(200, Fixtures.BINANCE_TICKER_24HR));

        SourcePrice bnb = client.fetch(List.of(BNB)).get("BNB");

        assertThat(bnb.priceUsd()).isEqualTo(new BigDecimal("4.00000200"));
        assertThat(bnb.change24hPct()).isEqualTo(new BigDecimal("-95.960"));
        assertThat(bnb.observedAt()).isEqualTo(Instant.ofEpochMilli(1499869899040L));
        binance.verify(getRequestedFor(urlPathEqualTo("/api/v3/ticker/24hr")).withQueryParam("symbol",
                equalTo("BNBBTC")));
    }

    @Test
    void shouldFillTheListedTokensAndLeaveAnUnlistedSymbolToTheNextSource() {
        stubTicker("BNBBTC", json(200, Fixtures.BINANCE_TICKER_24HR));
        stubTicker("SOLXYZ", json(400, Fixtures.BINANCE_INVALID_SYMBOL));

        Map<String, SourcePrice> prices = client.fetch(List.of(UNLISTED, BNB));

        assertThat(prices).containsOnlyKeys("BNB");
        assertThat(client.requestCount(List.of(UNLISTED, BNB))).isEqualTo(2);
    }

    @Test
    void shouldTreatAGeoBlockAsUnavailable() {
        stubTicker("BNBBTC", json(451, Fixtures.BINANCE_451));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOf(PriceSourceUnavailableException.class)
                .isNotInstanceOf(SourceRateLimitedException.class).hasMessageContaining("451");
    }

    @Test
    void shouldHonourRetryAfterWhenOverTheWeightLimit() {
        stubTicker("BNBBTC", json(429, Fixtures.BINANCE_429).withHeader("Retry-After", "42"));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOfSatisfying(SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void shouldStayAwayAtLeastTwoMinutesAfterAnIpBan() {
        stubTicker("BNBBTC", aResponse().withStatus(418));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOfSatisfying(SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(SourceFailures.DEFAULT_BAN_PAUSE));
    }

    @Test
    void shouldTreatAServerErrorAsUnavailable() {
        stubTicker("BNBBTC", aResponse().withStatus(503));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOf(PriceSourceUnavailableException.class);
    }

    @Test
    void shouldTreatMalformedJsonAsUnavailable() {
        stubTicker("BNBBTC", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read(Fixtures.BINANCE_TICKER_24HR).substring(0, 50)));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOf(PriceSourceUnavailableException.class);
    }

    @Test
    void shouldTreatASlowAnswerAsUnavailable() {
        stubTicker("BNBBTC", json(200, Fixtures.BINANCE_TICKER_24HR).withFixedDelay(2_000));

        assertThatThrownBy(() -> client.fetch(List.of(BNB))).isInstanceOf(PriceSourceUnavailableException.class);
    }

    private void stubTicker(String symbol, ResponseDefinitionBuilder response) {
        binance.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).withQueryParam("symbol", equalTo(symbol))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read(fixture));
    }
}
