package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceChangeBasis;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

class KafkaPriceUpdatedPublisherTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Token BONK = TokenCatalog.defaults().bySymbol("BONK").orElseThrow();
    private final KafkaPriceUpdatedPublisher publisher =
            new KafkaPriceUpdatedPublisher(null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldWriteThePriceAtTheContractScaleWithoutLosingDigits() {
        TokenPrice price = new TokenPrice(BONK, new BigDecimal("0.000023456789"), new BigDecimal("3.63727894677354"),
                PriceSource.COINGECKO, Instant.ofEpochSecond(1711356300), false);

        PriceUpdated event = publisher.toEvent(price);

        assertThat(event.getPriceUsd()).isEqualTo(new BigDecimal("0.000023456789"));
        assertThat(event.getChange24hPct()).isEqualTo(new BigDecimal("3.6373"));
        assertThat(event.getSymbol()).isEqualTo("BONK");
        assertThat(event.getMint()).isEqualTo(BONK.mint());
        assertThat(event.getObservedAt()).isEqualTo(Instant.ofEpochSecond(1711356300));
        assertThat(event.getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getStale()).isFalse();
        assertThat(event.getChange24hBasis()).isEqualTo(PriceChangeBasis.ROLLING_24H);
    }

    @Test
    void shouldSayKrakensChangeIsMeasuredFromTodaysOpen() {
        TokenPrice price = new TokenPrice(BONK, new BigDecimal("0.000023"), new BigDecimal("0.1954"),
                PriceSource.KRAKEN, NOW, false);

        assertThat(publisher.toEvent(price).getChange24hBasis()).isEqualTo(PriceChangeBasis.SINCE_UTC_DAY_OPEN);
    }

    @Test
    void shouldLeaveTheChangeEmptyForAStaticPrice() {
        PriceUpdated event = publisher.toEvent(TokenPrice.fallback(BONK, NOW));

        assertThat(event.getChange24hPct()).isNull();
        assertThat(event.getChange24hBasis()).isNull();
        assertThat(event.getSource()).isEqualTo(PriceSource.STATIC);
        assertThat(event.getStale()).isTrue();
        assertThat(event.getPriceUsd()).isEqualTo(new BigDecimal("0.000020000000"));
    }
}
