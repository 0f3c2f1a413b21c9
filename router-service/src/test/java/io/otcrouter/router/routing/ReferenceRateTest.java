package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.ReferencePrice;

class ReferenceRateTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final TradeIntent SELL_SOL = new TradeIntent(TOKENS.bySymbol("SOL").orElseThrow(),
            TOKENS.bySymbol("USDC").orElseThrow(), BigInteger.TEN, 50, null);

    @Test
    void shouldTrustLiveFreshPricesAndRescaleToAtomicUnits() {
        ReferenceRate rate = ReferenceRate.of(SELL_SOL, Optional.of(price("150", PriceSource.KRAKEN, NOW, false)),
                Optional.of(price("1", PriceSource.KRAKEN, NOW, false)), NOW, MAX_AGE).orElseThrow();

        assertThat(rate.rate()).isEqualByComparingTo("0.15");
        assertThat(rate.trusted()).isTrue();
    }

    @Test
    void shouldNameAStaticPrice() {
        ReferenceRate rate = ReferenceRate.of(SELL_SOL, Optional.of(price("150", PriceSource.STATIC, NOW, true)),
                Optional.of(price("1", PriceSource.KRAKEN, NOW, false)), NOW, MAX_AGE).orElseThrow();

        assertThat(rate.trusted()).isFalse();
        assertThat(rate.caveat()).isEqualTo("SOL's reference price is STATIC (offline)");
    }

    @Test
    void shouldCallAPriceOlderThanTheMaximumAgeStaleEvenIfItsSourceDoesNot() {
        ReferenceRate rate = ReferenceRate.of(SELL_SOL, Optional.of(price("150", PriceSource.KRAKEN, NOW, false)),
                Optional.of(price("1", PriceSource.COINGECKO, NOW.minus(Duration.ofMinutes(20)), false)), NOW,
                MAX_AGE).orElseThrow();

        assertThat(rate.caveat()).isEqualTo("USDC's reference price is stale (20 min old)");
    }

    @Test
    void shouldHaveNoRateWithoutBothPrices() {
        assertThat(ReferenceRate.of(SELL_SOL, Optional.empty(),
                Optional.of(price("1", PriceSource.KRAKEN, NOW, false)), NOW, MAX_AGE)).isEmpty();
    }

    private static ReferencePrice price(String usd, PriceSource source, Instant observedAt, boolean stale) {
        return new ReferencePrice(new BigDecimal(usd).setScale(12), null, source, stale, observedAt);
    }
}
