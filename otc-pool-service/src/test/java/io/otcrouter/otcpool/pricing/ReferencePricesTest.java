package io.otcrouter.otcpool.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReferencePricesTest {

    private static final String SOL_MINT = "So11111111111111111111111111111111111111112";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ReferencePrices prices = new ReferencePrices();

    @Test
    void shouldKeepTheNewestObservationWhenAnOlderOneArrivesLate() {
        prices.update(SOL_MINT, new BigDecimal("151"), T0.plusSeconds(60));
        prices.update(SOL_MINT, new BigDecimal("149"), T0);

        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("151"));
    }

    @Test
    void shouldReplaceThePriceWithANewerObservation() {
        prices.update(SOL_MINT, new BigDecimal("149"), T0);
        prices.update(SOL_MINT, new BigDecimal("151"), T0.plusSeconds(60));

        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("151"));
    }

    @Test
    void shouldKnowNoPriceForATokenNeverSeen() {
        assertThat(prices.usdPrice(SOL_MINT)).isEmpty();
    }
}
