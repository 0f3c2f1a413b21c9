package io.otcrouter.price.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.pricing.PriceBoard;
import io.otcrouter.price.pricing.PriceSourceClient;
import io.otcrouter.price.pricing.SourcePrice;
import io.otcrouter.price.pricing.StubSource;

class PricesResponseTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void shouldCallTheSourceMixedWhenTokensCameFromDifferentSources() {
        PriceBoard board = new PriceBoard(TokenCatalog.defaults(), List.of(answeringSol()), CLOCK);

        PricesResponse response = PricesResponse.of(board.refresh());

        assertThat(response.source()).isEqualTo("MIXED");
        assertThat(response.prices().get("SOL").source()).isEqualTo("COINGECKO");
        assertThat(response.prices().get("SOL").price()).isEqualTo(new BigDecimal("187.5"));
        assertThat(response.prices().get("USDC").source()).isEqualTo("STATIC");
        assertThat(response.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldNameTheSingleSourceWhenAllTokensShareIt() {
        PriceBoard board = new PriceBoard(TokenCatalog.defaults(), List.of(), CLOCK);

        PricesResponse response = PricesResponse.of(board.refresh());

        assertThat(response.source()).isEqualTo("STATIC");
        assertThat(response.prices()).containsOnlyKeys("SOL", "USDC", "USDT", "RAY", "JUP", "BONK");
        assertThat(response.prices().get("SOL").mint()).isEqualTo("So11111111111111111111111111111111111111112");
    }

    private static PriceSourceClient answeringSol() {
        return answeringSol(PriceSource.COINGECKO);
    }

    @Test
    void shouldReadAsLiveKrakenWhenKrakenIsTheBestSourceThatAnswered() {
        PriceBoard board = new PriceBoard(TokenCatalog.defaults(), List.of(answeringSol(PriceSource.KRAKEN)), CLOCK);

        PricesResponse response = PricesResponse.of(board.refresh());

        assertThat(response.primarySource()).isEqualTo("KRAKEN");
        assertThat(response.status()).isEqualTo("LIVE");
        assertThat(response.prices().get("SOL").change24hBasis()).isEqualTo("SINCE_UTC_DAY_OPEN");
        assertThat(response.prices().get("SOL").stale()).isFalse();
        assertThat(response.prices().get("USDC").stale()).isTrue();
        assertThat(response.prices().get("USDC").change24hBasis()).isNull();
    }

    @Test
    void shouldReadAsOfflineWhenEveryPriceIsStatic() {
        PricesResponse response = PricesResponse.of(new PriceBoard(TokenCatalog.defaults(), List.of(), CLOCK).refresh());

        assertThat(response.status()).isEqualTo("OFFLINE");
        assertThat(response.primarySource()).isEqualTo("STATIC");
    }

    private static PriceSourceClient answeringSol(PriceSource source) {
        return StubSource.answering(source,
                Map.of("SOL", new SourcePrice(new BigDecimal("187.5"), BigDecimal.ONE, NOW)));
    }
}
