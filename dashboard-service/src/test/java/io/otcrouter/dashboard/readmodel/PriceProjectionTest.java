package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.dashboard.DashboardEvents.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.PriceSource;

class PriceProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private final PriceProjection view = new PriceProjection();

    @Test
    void shouldKeepTheNewestPriceWhenAnOlderOneArrivesLate() {
        view.apply(price(SOL, new BigDecimal("151"), PriceSource.COINGECKO, T0.plusSeconds(60)).build());
        view.apply(price(SOL, new BigDecimal("150"), PriceSource.STATIC, T0).build());

        PriceSnapshot sol = view.price("SOL").orElseThrow();
        assertThat(sol.priceUsd()).isEqualByComparingTo("151");
        assertThat(sol.source()).isEqualTo(PriceSource.COINGECKO);
        assertThat(sol.stale()).isFalse();
    }

    @Test
    void shouldReportTheSharedSourceOrMixed() {
        assertThat(view.overallSource()).isEqualTo(PriceProjection.NONE);

        view.apply(price(SOL, new BigDecimal("150"), PriceSource.STATIC, T0).build());
        assertThat(view.overallSource()).isEqualTo("STATIC");
        assertThat(view.anyStale()).isTrue();

        view.apply(price(USDC, BigDecimal.ONE, PriceSource.KRAKEN, T0).build());
        assertThat(view.overallSource()).isEqualTo(PriceProjection.MIXED);
    }
}
