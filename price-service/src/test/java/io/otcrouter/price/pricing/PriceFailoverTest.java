package io.otcrouter.price.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.otcrouter.events.PriceChangeBasis;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.Fixtures;
import io.otcrouter.price.api.PriceView;
import io.otcrouter.price.api.PricesResponse;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The failover chain CoinGecko → Kraken → Binance → static, end to end over HTTP with the providers' real
 * payloads. The test catalog names each token the way the fixtures do: CoinGecko id "bitcoin", Kraken pair
 * XXBTZUSD, Binance symbol BNBBTC.
 */
class PriceFailoverTest {

    private static final Instant START = Instant.parse("2026-01-02T03:00:00Z");
    private static final String CG_PATH = "/api/v3/simple/price";
    private static final String KRAKEN_PATH = "/0/public/Ticker";
    private static final String BINANCE_PATH = "/api/v3/ticker/24hr";
    private static final Token BTC = new Token("BTC", "test-btc-mint", 8, "bitcoin", "XXBTZUSD", "BNBBTC",
            new BigDecimal("60000.00"));

    private SourceChain chain;

    @AfterEach
    void stop() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void shouldEndOnKrakenInOneRoundWhenCoinGeckoIsRateLimitedAndNotAskCoinGeckoBeforeItsRetryAfter() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoRateLimited();
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_TICKER));

        TokenPrice btc = chain.board.refresh().prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.KRAKEN);
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("3537.50000"));
        assertThat(btc.changeBasis()).isEqualTo(PriceChangeBasis.SINCE_UTC_DAY_OPEN);
        assertRequests(1, 1, 0);

        assertThat(chain.guardedCoinGecko.quietUntil()).isEqualTo(START.plusSeconds(119));

        // Past the cache lifetime and CoinGecko's Retry-After: CoinGecko is asked again and is primary again.
        chain.clock.advance(SourceChain.CACHE_TTL.plusSeconds(1));
        coinGeckoAnswers();
        assertThat(chain.board.refresh().prices().get("BTC").source()).isEqualTo(PriceSource.COINGECKO);
        assertRequests(2, 1, 0);
    }

    @Test
    void shouldNotAskARateLimitedCoinGeckoAgainBeforeItsRetryAfterEvenWhenTheCacheExpired() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoRateLimited();
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_ERROR));
        stub(chain.binance, BINANCE_PATH, json(451, Fixtures.BINANCE_451));

        chain.board.refresh();
        chain.clock.advance(Duration.ofSeconds(60));
        chain.board.refresh();

        // Static prices are never cached, so round two asked again: Kraken and Binance yes, CoinGecko no (119 s).
        assertRequests(1, 2, 2);
        // Past the 119 s CoinGecko is asked again (and Kraken's and Binance's breakers, open since round two,
        // allow their half-open trial).
        chain.clock.advance(Duration.ofSeconds(61));
        chain.board.refresh();
        assertRequests(2, 3, 3);
    }

    @Test
    void shouldEndOnBinanceInOneRoundWhenKrakenReportsAnErrorInsideAnHttp200() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoRateLimited();
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_ERROR));
        stub(chain.binance, BINANCE_PATH, json(200, Fixtures.BINANCE_TICKER_24HR));

        TokenPrice btc = chain.board.refresh().prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.BINANCE);
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("4.00000200"));
        assertThat(btc.change24hPct()).isEqualTo(new BigDecimal("-95.960"));
        assertThat(btc.changeBasis()).isEqualTo(PriceChangeBasis.ROLLING_24H);
        assertThat(btc.stale()).isFalse();
        assertRequests(1, 1, 1);
    }

    @Test
    void shouldEndOnStaticFlaggedOfflineInOneRoundWhenBinanceIsGeoBlocked() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoRateLimited();
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_ERROR));
        stub(chain.binance, BINANCE_PATH, json(451, Fixtures.BINANCE_451));

        PriceSnapshot snapshot = chain.board.refresh();
        TokenPrice btc = snapshot.prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.STATIC);
        assertThat(btc.stale()).isTrue();
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("60000.00"));
        assertRequests(1, 1, 1);
        PricesResponse response = PricesResponse.of(snapshot);
        assertThat(response.status()).isEqualTo("OFFLINE");
        assertThat(response.primarySource()).isEqualTo("STATIC");
    }

    @Test
    void shouldFillEachTokenFromTheFirstSourceThatKnowsItAndShowThatSourceOnTheApi() {
        Token krakenOnly = new Token("XBT", "test-xbt-mint", 8, "not-on-coingecko", "XXBTZUSD", null,
                new BigDecimal("59000.00"));
        Token binanceOnly = new Token("BNB", "test-bnb-mint", 8, "not-on-coingecko-either", "BNBUSD", "BNBBTC",
                new BigDecimal("600.00"));
        Token nowhere = new Token("DOGE", "test-doge-mint", 8, "dogecoin", null, "DOGEUSDT",
                new BigDecimal("0.10"));
        chain = new SourceChain(new TokenCatalog(List.of(BTC, krakenOnly, binanceOnly, nowhere)),
                new MutableClock(START));
        coinGeckoAnswers();
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_TICKER));
        chain.binance.stubFor(get(urlPathEqualTo(BINANCE_PATH)).withQueryParam("symbol", equalTo("BNBBTC"))
                .willReturn(json(200, Fixtures.BINANCE_TICKER_24HR)));
        chain.binance.stubFor(get(urlPathEqualTo(BINANCE_PATH)).withQueryParam("symbol", equalTo("DOGEUSDT"))
                .willReturn(json(400, Fixtures.BINANCE_INVALID_SYMBOL)));

        PricesResponse response = PricesResponse.of(chain.board.refresh());

        assertThat(response.prices()).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().source())
                .containsExactly("BTC=COINGECKO", "XBT=KRAKEN", "BNB=BINANCE", "DOGE=STATIC");
        PriceView btc = response.prices().get("BTC");
        assertThat(btc.price()).isEqualTo(new BigDecimal("67187.3358936566"));
        assertThat(btc.change24hBasis()).isEqualTo("ROLLING_24H");
        assertThat(response.prices().get("XBT").price()).isEqualTo(new BigDecimal("3537.50000"));
        assertThat(response.prices().get("BNB").price()).isEqualTo(new BigDecimal("4.00000200"));
        assertThat(response.primarySource()).isEqualTo("COINGECKO");
        assertThat(response.status()).isEqualTo("LIVE");
        assertThat(response.source()).isEqualTo("MIXED");
        assertRequests(1, 1, 2);
        // Kraken was asked only for what CoinGecko did not answer.
        chain.kraken.verify(getRequestedFor(urlPathEqualTo(KRAKEN_PATH))
                .withQueryParam("pair", equalTo("XXBTZUSD,BNBUSD")));
    }

    @Test
    void shouldMakeNoRequestOnACacheHitAndRefetchOnceTheCacheExpired() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoAnswers();

        chain.board.refresh();
        chain.clock.advance(SourceChain.CACHE_TTL.minusSeconds(1));
        TokenPrice cached = chain.board.refresh().prices().get("BTC");

        assertThat(cached.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(cached.stale()).isFalse();
        assertRequests(1, 0, 0);

        chain.clock.advance(Duration.ofSeconds(2));
        chain.board.refresh();
        assertRequests(2, 0, 0);
    }

    @Test
    void shouldServeTheLastLivePriceMarkedStaleWhenTheCacheExpiredAndEverySourceIsDown() {
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START));
        coinGeckoAnswers();
        chain.board.refresh();
        stub(chain.coinGecko, CG_PATH, aResponse().withStatus(503));
        stub(chain.kraken, KRAKEN_PATH, aResponse().withStatus(503));
        stub(chain.binance, BINANCE_PATH, json(451, Fixtures.BINANCE_451));
        chain.clock.advance(SourceChain.CACHE_TTL.plusSeconds(1));

        PriceSnapshot snapshot = chain.board.refresh();
        TokenPrice btc = snapshot.prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(btc.priceUsd()).isEqualTo(new BigDecimal("67187.3358936566"));
        assertThat(btc.stale()).isTrue();
        assertThat(PricesResponse.of(snapshot).status()).isEqualTo("STALE");
        assertRequests(2, 1, 1);
    }

    @Test
    void shouldOpenCoinGeckosBreakerAfterTwoFailuresAndMakeItPrimaryAgainWhenItRecoversHalfOpen() {
        // A cache shorter than the breaker's 60 s open state, so that every round below asks again.
        Duration cacheTtl = Duration.ofSeconds(10);
        Duration pastCache = cacheTtl.plusSeconds(1);
        chain = new SourceChain(new TokenCatalog(List.of(BTC)), new MutableClock(START), cacheTtl);
        stub(chain.coinGecko, CG_PATH, aResponse().withStatus(500));
        stub(chain.kraken, KRAKEN_PATH, json(200, Fixtures.KRAKEN_TICKER));

        chain.board.refresh();
        chain.clock.advance(pastCache);
        chain.board.refresh();
        assertThat(chain.guardedCoinGecko.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertRequests(2, 2, 0);

        // CoinGecko is back, but its breaker stays open for 60 s: this round does not ask it.
        coinGeckoAnswers();
        chain.clock.advance(pastCache);
        assertThat(chain.board.refresh().prices().get("BTC").source()).isEqualTo(PriceSource.KRAKEN);
        assertRequests(2, 3, 0);

        // Past the open state the next round is the half-open trial; it succeeds and closes the breaker.
        chain.clock.advance(SourceChain.BREAKER_OPEN_FOR);
        TokenPrice btc = chain.board.refresh().prices().get("BTC");

        assertThat(btc.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(chain.guardedCoinGecko.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertRequests(3, 3, 0);
    }

    private void coinGeckoRateLimited() {
        stub(chain.coinGecko, CG_PATH, json(429, Fixtures.COINGECKO_429).withHeader("retry-after", "119"));
    }

    private void coinGeckoAnswers() {
        stub(chain.coinGecko, CG_PATH, json(200, Fixtures.COINGECKO_PRICE));
    }

    private void assertRequests(int coinGecko, int kraken, int binance) {
        assertThat(List.of(count(chain.coinGecko, CG_PATH), count(chain.kraken, KRAKEN_PATH),
                count(chain.binance, BINANCE_PATH)))
                .as("requests to CoinGecko, Kraken, Binance").containsExactly(coinGecko, kraken, binance);
    }

    private static int count(WireMockServer server, String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    private static void stub(WireMockServer server, String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read(fixture));
    }
}
