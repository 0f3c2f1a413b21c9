package io.otcrouter.otcpool.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.kafka.prices.ReferencePrice;

class PriceGuardTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final BigDecimal PRICE = new BigDecimal("150");

    private final PriceGuard strict = new PriceGuard(false, MAX_AGE, CLOCK);
    private final PriceGuard lenient = new PriceGuard(true, MAX_AGE, CLOCK);

    @Test
    void shouldAcceptAFreshLivePrice() {
        assertThat(strict.refusal("SOL", price(PriceSource.KRAKEN, false, NOW.minusSeconds(30)))).isEmpty();
    }

    @Test
    void shouldRefuseAStaticPriceWithTheReason() {
        assertThat(strict.refusal("SOL", price(PriceSource.STATIC, true, NOW)))
                .hasValue("Reference price of SOL is STATIC (no live source); not quoting on it");
    }

    @Test
    void shouldRefuseAPriceFlaggedStaleOrTooOld() {
        assertThat(strict.refusal("SOL", price(PriceSource.COINGECKO, true, NOW))).get().asString()
                .contains("stale");
        assertThat(strict.refusal("SOL", price(PriceSource.COINGECKO, false, NOW.minus(Duration.ofMinutes(16)))))
                .get().asString().contains("960 s old");
    }

    @Test
    void shouldAllowStaleAndStaticPricesWhenConfiguredTo() {
        assertThat(lenient.refusal("SOL", price(PriceSource.STATIC, true, Instant.EPOCH))).isEmpty();
    }

    private static ReferencePrice price(PriceSource source, boolean stale, Instant observedAt) {
        return new ReferencePrice(PRICE, null, source, stale, observedAt);
    }
}
