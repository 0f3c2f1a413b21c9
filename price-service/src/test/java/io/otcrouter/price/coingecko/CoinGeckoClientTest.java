package io.otcrouter.price.coingecko;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.pricing.PriceBoard;
import io.otcrouter.price.pricing.PriceSnapshot;
import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourcePrice;
import io.otcrouter.price.pricing.TokenPrice;

class CoinGeckoClientTest {

    private static final String PRICE_FIXTURE = "fixtures/coingecko-simple-price-bitcoin-docs.json";
    private static final String RATE_LIMIT_FIXTURE = "fixtures/coingecko-429-rate-limit.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** The fixture answers for CoinGecko id "bitcoin" only, so the tests price a bitcoin token. */
    private static final Token BITCOIN = new Token("BTC", "test-bitcoin-mint", 8, "bitcoin", null, null,
            new BigDecimal("60000.00"));
    private static final TokenCatalog CATALOG = new TokenCatalog(List.of(BITCOIN));
    private static final String API_KEY = "test-demo-key";

    private final WireMockServer coinGecko = new WireMockServer(wireMockConfig().dynamicPort());
    private CoinGeckoClient client;

    @BeforeEach
    void start() {
        coinGecko.start();
        CoinGeckoProperties properties = new CoinGeckoProperties(coinGecko.baseUrl() + "/api/v3", API_KEY,
                Duration.ofSeconds(2), Duration.ofMillis(500));
        client = CoinGeckoClient.create(RestClient.builder(), properties, CLOCK);
    }

    @AfterEach
    void stop() {
        coinGecko.stop();
    }

    @Test
    void shouldReadTheExactPriceChangeAndTimeFromCoinGeckosAnswer() {
        stubSimplePrice(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture(PRICE_FIXTURE)));

        Map<String, SourcePrice> prices = client.fetch(CATALOG.all());

        SourcePrice btc = prices.get("BTC");
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("67187.3358936566"));
        assertThat(btc.change24hPct()).isEqualTo(new BigDecimal("3.63727894677354"));
        assertThat(btc.observedAt()).isEqualTo(Instant.ofEpochSecond(1711356300));
        coinGecko.verify(getRequestedFor(urlPathEqualTo("/api/v3/simple/price"))
                .withQueryParam("ids", equalTo("bitcoin"))
                .withQueryParam("vs_currencies", equalTo("usd"))
                .withQueryParam("include_24hr_change", equalTo("true"))
                .withQueryParam("include_last_updated_at", equalTo("true"))
                .withHeader(CoinGeckoClient.API_KEY_HEADER, equalTo(API_KEY)));
    }

    @Test
    void shouldAskForEveryCatalogTokenInOneRequest() {
        stubSimplePrice(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture(PRICE_FIXTURE)));

        Map<String, SourcePrice> prices = client.fetch(TokenCatalog.defaults().all());

        assertThat(prices).isEmpty();
        coinGecko.verify(getRequestedFor(urlPathEqualTo("/api/v3/simple/price"))
                .withQueryParam("ids", equalTo("solana,usd-coin,tether,raydium,jupiter-exchange-solana,bonk")));
    }

    @Test
    void shouldPublishTheLivePriceFromCoinGeckoOnTheBoard() {
        stubSimplePrice(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture(PRICE_FIXTURE)));

        TokenPrice btc = board().refresh().prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(btc.stale()).isFalse();
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("67187.3358936566"));
    }

    @Test
    void shouldFallBackToStaticPriceWhenCoinGeckoIsRateLimited() {
        stubSimplePrice(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "119").withBody(fixture(RATE_LIMIT_FIXTURE)));

        assertThatThrownBy(() -> client.fetch(CATALOG.all())).isInstanceOf(PriceSourceUnavailableException.class)
                .hasMessageContaining("429");
        assertStaticFallback(board().refresh());
    }

    @Test
    void shouldFallBackToStaticPriceWhenCoinGeckoFailsWithAServerError() {
        stubSimplePrice(aResponse().withStatus(503).withBody("Service Unavailable"));

        assertStaticFallback(board().refresh());
    }

    @Test
    void shouldFallBackToStaticPriceWhenCoinGeckoAnswersAMalformedBody() {
        String truncated = fixture(PRICE_FIXTURE).substring(0, 40);
        stubSimplePrice(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(truncated));

        assertThatThrownBy(() -> client.fetch(CATALOG.all())).isInstanceOf(PriceSourceUnavailableException.class);
        assertStaticFallback(board().refresh());
    }

    @Test
    void shouldFallBackToStaticPriceWhenCoinGeckoIsTooSlow() {
        stubSimplePrice(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture(PRICE_FIXTURE)).withFixedDelay(2_000));

        assertThatThrownBy(() -> client.fetch(CATALOG.all())).isInstanceOf(PriceSourceUnavailableException.class);
    }

    private PriceBoard board() {
        return new PriceBoard(CATALOG, List.of(client), CLOCK);
    }

    private static void assertStaticFallback(PriceSnapshot snapshot) {
        TokenPrice btc = snapshot.prices().get("BTC");
        assertThat(btc.source()).isEqualTo(PriceSource.STATIC);
        assertThat(btc.stale()).isTrue();
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("60000.00"));
    }

    private void stubSimplePrice(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        coinGecko.stubFor(get(urlPathEqualTo("/api/v3/simple/price")).willReturn(response));
    }

    private static String fixture(String path) {
        try (InputStream in = CoinGeckoClientTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
