package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

class PriceBoardTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant OBSERVED = Instant.parse("2026-01-02T03:03:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TokenCatalog CATALOG = TokenCatalog.defaults();
    private static final SourcePrice SOL_LIVE = new SourcePrice(new BigDecimal("187.123456789"),
            new BigDecimal("-2.5"), OBSERVED);

    @Test
    void shouldFallBackToStaticPriceForEachTokenTheSourceDidNotAnswer() {
        PriceBoard board = new PriceBoard(CATALOG, List.of(answering(PriceSource.COINGECKO, Map.of("SOL", SOL_LIVE))),
                CLOCK);

        PriceSnapshot snapshot = board.refresh();

        TokenPrice sol = snapshot.prices().get("SOL");
        assertThat(sol.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(sol.priceUsd()).isEqualTo(new BigDecimal("187.123456789"));
        assertThat(sol.change24hPct()).isEqualTo(new BigDecimal("-2.5"));
        assertThat(sol.observedAt()).isEqualTo(OBSERVED);
        assertThat(sol.stale()).isFalse();

        TokenPrice usdc = snapshot.prices().get("USDC");
        assertThat(usdc.source()).isEqualTo(PriceSource.STATIC);
        assertThat(usdc.priceUsd()).isEqualTo(new BigDecimal("1.00"));
        assertThat(usdc.change24hPct()).isNull();
        assertThat(usdc.observedAt()).isEqualTo(NOW);
        assertThat(usdc.stale()).isTrue();
        assertThat(snapshot.prices()).containsOnlyKeys("SOL", "USDC", "USDT", "RAY", "JUP", "BONK");
    }

    @Test
    void shouldFallBackToStaticPricesForEveryTokenWhenTheSourceIsUnavailable() {
        PriceSourceClient rateLimited = StubSource.answering(PriceSource.COINGECKO, () -> {
            throw new PriceSourceUnavailableException("429");
        });
        PriceBoard board = new PriceBoard(CATALOG, List.of(rateLimited), CLOCK);

        PriceSnapshot snapshot = board.refresh();

        assertThat(snapshot.all()).hasSize(6).allSatisfy(price -> {
            assertThat(price.source()).isEqualTo(PriceSource.STATIC);
            assertThat(price.stale()).isTrue();
            assertThat(price.priceUsd()).isEqualTo(price.token().staticPriceUsd());
        });
        assertThat(snapshot.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldAskTheNextSourceOnlyForTokensThePreviousSourceDidNotAnswer() {
        RecordingSource second = new RecordingSource(PriceSource.KRAKEN,
                Map.of("SOL", new SourcePrice(BigDecimal.ONE, null, OBSERVED),
                        "USDC", new SourcePrice(new BigDecimal("0.9999"), null, OBSERVED)));
        PriceBoard board = new PriceBoard(CATALOG,
                List.of(answering(PriceSource.COINGECKO, Map.of("SOL", SOL_LIVE)), second), CLOCK);

        PriceSnapshot snapshot = board.refresh();

        assertThat(second.askedFor).doesNotContain("SOL").contains("USDC", "BONK");
        assertThat(snapshot.prices().get("SOL").source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(snapshot.prices().get("USDC").source()).isEqualTo(PriceSource.KRAKEN);
        assertThat(snapshot.prices().get("USDC").priceUsd()).isEqualTo(new BigDecimal("0.9999"));
        assertThat(snapshot.prices().get("BONK").source()).isEqualTo(PriceSource.STATIC);
    }

    @Test
    void shouldServeStaticPricesBeforeTheFirstRound() {
        PriceBoard board = new PriceBoard(CATALOG, List.of(answering(PriceSource.COINGECKO, Map.of("SOL", SOL_LIVE))),
                CLOCK);

        assertThat(board.current().all()).hasSize(6)
                .allSatisfy(price -> assertThat(price.source()).isEqualTo(PriceSource.STATIC));
    }

    @Test
    void shouldKeepRunningTheRoundWhenASourceFailsUnexpectedly() {
        PriceSourceClient broken = new RecordingSource(PriceSource.COINGECKO, null);
        PriceBoard board = new PriceBoard(CATALOG, List.of(broken), CLOCK);

        assertThat(board.refresh().prices().get("SOL").source()).isEqualTo(PriceSource.STATIC);
    }

    private static PriceSourceClient answering(PriceSource source, Map<String, SourcePrice> prices) {
        return new RecordingSource(source, prices);
    }

    private static final class RecordingSource implements PriceSourceClient {
        private final PriceSource source;
        private final Map<String, SourcePrice> prices;
        private final List<String> askedFor = new ArrayList<>();

        RecordingSource(PriceSource source, Map<String, SourcePrice> prices) {
            this.source = source;
            this.prices = prices;
        }

        @Override
        public PriceSource source() {
            return source;
        }

        @Override
        public Map<String, SourcePrice> fetch(List<Token> tokens) {
            tokens.forEach(token -> askedFor.add(token.symbol()));
            if (prices == null) {
                throw new IllegalStateException("defect in source");
            }
            return prices;
        }
    }
}
