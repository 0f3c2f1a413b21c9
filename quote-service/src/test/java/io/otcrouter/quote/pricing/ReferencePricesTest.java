package io.otcrouter.quote.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReferencePricesTest {

    private static final String SOL_MINT = "So11111111111111111111111111111111111111112";
    private static final Instant EARLIER = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-01T00:01:00Z");

    private final ReferencePrices prices = new ReferencePrices();

    @Test
    void shouldKeepTheLatestObservationWhenAnOlderOneArrivesLate() {
        prices.update(SOL_MINT, new BigDecimal("151"), LATER);

        boolean taken = prices.update(SOL_MINT, new BigDecimal("149"), EARLIER);

        assertThat(taken).isFalse();
        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("151"));
    }

    @Test
    void shouldReplaceAPriceWithANewerObservation() {
        prices.update(SOL_MINT, new BigDecimal("149"), EARLIER);
        prices.update(SOL_MINT, new BigDecimal("151"), LATER);

        assertThat(prices.usdPrice(SOL_MINT)).contains(new BigDecimal("151"));
    }

    @Test
    void shouldIgnoreNonPositivePricesAndKnowNothingAtFirst() {
        assertThat(prices.update(SOL_MINT, BigDecimal.ZERO, LATER)).isFalse();
        assertThat(prices.usdPrice(SOL_MINT)).isEmpty();
    }
}
