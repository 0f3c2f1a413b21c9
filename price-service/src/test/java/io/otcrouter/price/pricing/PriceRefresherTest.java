package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.testsupport.time.MutableClock;

class PriceRefresherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void shouldPublishEveryTokenEvenWhenPublishingOneFails() {
        List<String> published = new ArrayList<>();
        PriceUpdatedPublisher flaky = price -> {
            if (price.symbol().equals("USDC")) {
                throw new IllegalStateException("broker down");
            }
            published.add(price.symbol());
        };
        // Heartbeat on every round: this test is about failures, not about change detection.
        PriceRefresher refresher = new PriceRefresher(new PriceBoard(TokenCatalog.defaults(), List.of(), CLOCK),
                flaky, CLOCK, Duration.ZERO);

        refresher.run();
        refresher.run();

        assertThat(published).containsExactly("SOL", "USDT", "RAY", "JUP", "BONK", "SOL", "USDT", "RAY", "JUP", "BONK");
    }

    @Test
    void shouldPublishOnlyChangedPricesBetweenHeartbeatsAndEveryPriceOnTheHeartbeat() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:00:00Z"));
        Map<String, SourcePrice> answers = new HashMap<>();
        answers.put("SOL", new SourcePrice(new BigDecimal("150.5"), null, clock.instant()));
        PriceSourceClient source = StubSource.answering(PriceSource.KRAKEN, () -> Map.copyOf(answers));
        // No cache (zero lifetime): every round asks the source, so a new price shows at once.
        PriceBoard board = new PriceBoard(TokenCatalog.defaults(), List.of(source),
                new PriceCache(Duration.ZERO, clock), clock);
        List<String> published = new ArrayList<>();
        PriceRefresher refresher = new PriceRefresher(board, price -> published.add(price.symbol()), clock,
                Duration.ofSeconds(60));

        refresher.run();
        assertThat(published).hasSize(6);

        published.clear();
        clock.advance(Duration.ofSeconds(20));
        refresher.run();
        assertThat(published).as("nothing changed").isEmpty();

        answers.put("SOL", new SourcePrice(new BigDecimal("151"), null, clock.instant()));
        clock.advance(Duration.ofSeconds(20));
        refresher.run();
        assertThat(published).containsExactly("SOL");

        published.clear();
        clock.advance(Duration.ofSeconds(20));
        refresher.run();
        assertThat(published).as("heartbeat").containsExactly("SOL", "USDC", "USDT", "RAY", "JUP", "BONK");
    }

    @Test
    void shouldSeeAStaleFlagOrASourceSwitchAsAChange() {
        Token sol = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();
        Instant at = Instant.parse("2026-01-02T03:00:00Z");
        TokenPrice live = new TokenPrice(sol, new BigDecimal("150.50"), BigDecimal.ONE, PriceSource.COINGECKO, at,
                false);

        assertThat(PriceRefresher.changed(live, new TokenPrice(sol, new BigDecimal("150.5"), new BigDecimal("1.0"),
                PriceSource.COINGECKO, at.plusSeconds(60), false))).as("same numbers, newer observation").isFalse();
        assertThat(PriceRefresher.changed(live, live.asStale())).isTrue();
        assertThat(PriceRefresher.changed(live, new TokenPrice(sol, new BigDecimal("150.50"), BigDecimal.ONE,
                PriceSource.KRAKEN, at, false))).isTrue();
    }
}
