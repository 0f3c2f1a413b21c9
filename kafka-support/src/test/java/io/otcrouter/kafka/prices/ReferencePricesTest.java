package io.otcrouter.kafka.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;

class ReferencePricesTest {

    private static final String SOL_MINT = "So11111111111111111111111111111111111111112";
    private static final Instant EARLIER = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-01T00:01:00Z");

    private final ReferencePrices prices = new ReferencePrices();

    @Test
    void shouldKeepTheLatestObservationWhenAnOlderOneArrivesLate() {
        prices.update(event("151", PriceSource.KRAKEN, false, LATER));

        boolean taken = prices.update(event("149", PriceSource.COINGECKO, false, EARLIER));

        assertThat(taken).isFalse();
        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("151"));
        assertThat(prices.price(SOL_MINT)).get().extracting(ReferencePrice::source).isEqualTo(PriceSource.KRAKEN);
    }

    @Test
    void shouldReplaceAPriceWithANewerObservationAndKeepItsSourceAndFlags() {
        prices.update(event("149", PriceSource.COINGECKO, false, EARLIER));

        boolean taken = prices.update(event("151", PriceSource.STATIC, true, LATER));

        assertThat(taken).isTrue();
        ReferencePrice price = prices.price(SOL_MINT).orElseThrow();
        assertThat(price.priceUsd()).isEqualByComparingTo("151");
        assertThat(price.change24hPct()).isEqualByComparingTo("-2.5");
        assertThat(price.source()).isEqualTo(PriceSource.STATIC);
        assertThat(price.stale()).isTrue();
        assertThat(price.isLive()).isFalse();
        assertThat(price.age(LATER.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldTakeTheSameObservationAgainHarmlessly() {
        prices.update(event("150", PriceSource.COINGECKO, false, EARLIER));

        assertThat(prices.update(event("150", PriceSource.COINGECKO, false, EARLIER))).isTrue();
        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("150"));
        assertThat(prices.size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPriceThatIsNotPositiveOrHasNoObservationTime() {
        assertThat(prices.update(SOL_MINT, ReferencePrice.live(BigDecimal.ZERO, LATER))).isFalse();
        assertThat(prices.update(SOL_MINT, ReferencePrice.live(new BigDecimal("-1"), LATER))).isFalse();
        assertThat(prices.update(SOL_MINT, ReferencePrice.live(BigDecimal.ONE, null))).isFalse();
        assertThat(prices.price(SOL_MINT)).isEmpty();
    }

    @Test
    void shouldCallOnlyARealSourceNotFlaggedStaleLive() {
        assertThat(ReferencePrice.live(BigDecimal.ONE, LATER).isLive()).isTrue();
        assertThat(new ReferencePrice(BigDecimal.ONE, null, PriceSource.KRAKEN, true, LATER).isLive()).isFalse();
        assertThat(new ReferencePrice(BigDecimal.ONE, null, PriceSource.STATIC, false, LATER).isLive()).isFalse();
    }

    @Test
    void shouldKnowNothingOfAnUnpublishedToken() {
        assertThat(prices.price("unknown")).isEmpty();
        assertThat(prices.usdPrice("unknown")).isEmpty();
    }

    private static PriceUpdated event(String usd, PriceSource source, boolean stale, Instant observedAt) {
        return PriceUpdated.newBuilder().setEventId("e-" + usd).setOccurredAt(observedAt).setSymbol("SOL")
                .setMint(SOL_MINT).setPriceUsd(new BigDecimal(usd)).setChange24hPct(new BigDecimal("-2.5"))
                .setSource(source).setObservedAt(observedAt).setStale(stale).build();
    }
}
