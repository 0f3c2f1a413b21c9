package io.otcrouter.otcpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class PoolViewTest {

    private static final BigInteger FIFTY_THOUSAND_SOL = new BigInteger("50000000000000");

    @Test
    void shouldReportNoUtilizationForAnUntouchedPool() {
        assertThat(PoolView.utilizationPct(FIFTY_THOUSAND_SOL, FIFTY_THOUSAND_SOL)).isEqualByComparingTo("0");
    }

    @Test
    void shouldReportTheShareOfBaseInventoryGoneAsPercent() {
        BigInteger twelveThousandFiveHundredSol = new BigInteger("12500000000000");

        assertThat(PoolView.utilizationPct(twelveThousandFiveHundredSol, FIFTY_THOUSAND_SOL))
                .isEqualByComparingTo("75.00");
    }
}
