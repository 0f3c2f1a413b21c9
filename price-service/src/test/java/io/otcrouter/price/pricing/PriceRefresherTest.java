package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.tokens.TokenCatalog;

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
        PriceRefresher refresher = new PriceRefresher(new PriceBoard(TokenCatalog.defaults(), List.of(), CLOCK),
                flaky);

        refresher.run();
        refresher.run();

        assertThat(published).containsExactly("SOL", "USDT", "RAY", "JUP", "BONK", "SOL", "USDT", "RAY", "JUP", "BONK");
    }
}
