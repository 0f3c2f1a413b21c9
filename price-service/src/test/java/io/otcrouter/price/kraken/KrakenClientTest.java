package io.otcrouter.price.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
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
import io.otcrouter.price.pricing.SourcePrice;
import io.otcrouter.price.pricing.SourceRateLimitedException;

class KrakenClientTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The fixture answers pair XXBTZUSD only. */
    private static final Token BITCOIN = new Token("BTC", "test-bitcoin-mint", 8, "bitcoin", "XXBTZUSD", null,
            new BigDecimal("60000.00"));
    private static final Token SOL = new Token("SOL", "test-sol-mint", 9, "solana", "SOLUSD", null,
            new BigDecimal("150.00"));
    private static final Token NO_PAIR = new Token("USDT", "test-usdt-mint", 6, "tether", null, null,
            BigDecimal.ONE);

    private final WireMockServer kraken = new WireMockServer(wireMockConfig().dynamicPort());
    private KrakenClient client;

    @BeforeEach
    void start() {
        kraken.start();
        client = KrakenClient.create(RestClient.builder(),
                new KrakenProperties(kraken.baseUrl(), Duration.ofSeconds(2), Duration.ofMillis(500)), CLOCK);
    }

    @AfterEach
    void stop() {
        kraken.stop();
    }

    @Test
    void shouldReadTheLastTradeAndDeriveTheChangeFromTodaysOpen() {
        stubTicker(json(200, Fixtures.KRAKEN_TICKER));

        SourcePrice btc = client.fetch(List.of(BITCOIN)).get("BTC");

        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("3537.50000"));
        BigDecimal expected = new BigDecimal("6.90000").multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal("3530.60000"), MathContext.DECIMAL128);
        assertThat(btc.change24hPct()).isEqualTo(expected);
        assertThat(btc.change24hPct()).isBetween(new BigDecimal("0.1954"), new BigDecimal("0.1955"));
        assertThat(btc.observedAt()).isEqualTo(NOW);
        kraken.verify(getRequestedFor(urlPathEqualTo("/0/public/Ticker")).withQueryParam("pair", equalTo("XXBTZUSD")));
    }

    @Test
    void shouldFillOnlyTheTokensKrakenAnswered() {
        stubTicker(json(200, Fixtures.KRAKEN_TICKER));

        Map<String, SourcePrice> prices = client.fetch(List.of(BITCOIN, SOL, NO_PAIR));

        assertThat(prices).containsOnlyKeys("BTC");
        kraken.verify(getRequestedFor(urlPathEqualTo("/0/public/Ticker"))
                .withQueryParam("pair", equalTo("XXBTZUSD,SOLUSD")));
    }

    @Test
    void shouldNotCallKrakenForTokensWithoutAPair() {
        assertThat(client.requestCount(List.of(NO_PAIR))).isZero();
        assertThat(client.fetch(List.of(NO_PAIR))).isEmpty();
        assertThat(kraken.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldTreatAnErrorInsideAnHttp200AsUnavailable() {
        stubTicker(json(200, Fixtures.KRAKEN_ERROR));

        assertThatThrownBy(() -> client.fetch(List.of(BITCOIN))).isInstanceOf(PriceSourceUnavailableException.class)
                .isNotInstanceOf(SourceRateLimitedException.class)
                .hasMessageContaining("EGeneral:Invalid arguments");
    }

    @Test
    void shouldTreatAServerErrorAsUnavailable() {
        stubTicker(aResponse().withStatus(502).withBody("Bad Gateway"));

        assertThatThrownBy(() -> client.fetch(List.of(BITCOIN))).isInstanceOf(PriceSourceUnavailableException.class)
                .hasMessageContaining("502");
    }

    @Test
    void shouldTreatATruncatedBodyAsUnavailable() {
        stubTicker(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read(Fixtures.KRAKEN_TICKER).substring(0, 60)));

        assertThatThrownBy(() -> client.fetch(List.of(BITCOIN))).isInstanceOf(PriceSourceUnavailableException.class);
    }

    @Test
    void shouldTreatASlowAnswerAsUnavailable() {
        stubTicker(json(200, Fixtures.KRAKEN_TICKER).withFixedDelay(2_000));

        assertThatThrownBy(() -> client.fetch(List.of(BITCOIN))).isInstanceOf(PriceSourceUnavailableException.class)
                .hasMessageContaining("too slow");
    }

    @Test
    void shouldReportHowLongToWaitWhenRateLimited() {
        stubTicker(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        assertThatThrownBy(() -> client.fetch(List.of(BITCOIN))).isInstanceOfSatisfying(
                SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    private void stubTicker(ResponseDefinitionBuilder response) {
        kraken.stubFor(get(urlPathEqualTo("/0/public/Ticker")).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read(fixture));
    }
}
