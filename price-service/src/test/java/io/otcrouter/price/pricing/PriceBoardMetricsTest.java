package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.TokenCatalog;

class PriceBoardMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TokenCatalog CATALOG = TokenCatalog.defaults();
    private static final SourcePrice SOL_LIVE = new SourcePrice(new BigDecimal("187.12"), null, NOW);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldMarkOnlyTheSourceSupplyingEachTokenAsInUse() {
        PriceBoard board = new PriceBoard(CATALOG, List.of(answering(PriceSource.KRAKEN, Map.of("SOL", SOL_LIVE))),
                CLOCK);
        new PriceBoardMetrics(board, CATALOG).bindTo(meters);

        board.refresh();

        assertThat(inUse("SOL", "kraken")).isEqualTo(1.0);
        assertThat(inUse("SOL", "static")).isZero();
        assertThat(inUse("SOL", "coingecko")).isZero();
        assertThat(inUse("USDC", "static")).isEqualTo(1.0);
        assertThat(inUse("USDC", "kraken")).isZero();
        assertThat(stale("SOL")).isZero();
        assertThat(stale("USDC")).isEqualTo(1.0);
    }

    @Test
    void shouldReadTheBoardAtScrapeTimeSoAFailoverShowsWithoutReRegistering() {
        PriceBoard board = new PriceBoard(CATALOG, List.of(answering(PriceSource.BINANCE, Map.of("SOL", SOL_LIVE))),
                CLOCK);
        new PriceBoardMetrics(board, CATALOG).bindTo(meters);

        double before = inUse("SOL", "static");
        board.refresh();

        assertThat(before).as("a new board holds the static prices").isEqualTo(1.0);
        assertThat(inUse("SOL", "static")).isZero();
        assertThat(inUse("SOL", "binance")).isEqualTo(1.0);
    }

    @Test
    void shouldRegisterOneSeriesPerTokenAndSourceAndOneStaleFlagPerToken() {
        new PriceBoardMetrics(new PriceBoard(CATALOG, List.of(), CLOCK), CATALOG).bindTo(meters);

        assertThat(meters.find("otc.price.source.in_use").gauges())
                .hasSize(CATALOG.all().size() * PriceSource.values().length);
        assertThat(meters.find("otc.price.stale").gauges()).hasSize(CATALOG.all().size());
    }

    private double inUse(String symbol, String source) {
        return meters.get("otc.price.source.in_use").tag("symbol", symbol).tag("source", source).gauge().value();
    }

    private double stale(String symbol) {
        return meters.get("otc.price.stale").tag("symbol", symbol).gauge().value();
    }

    private static PriceSourceClient answering(PriceSource source, Map<String, SourcePrice> prices) {
        return StubSource.answering(source, prices);
    }
}
