package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.THOUSAND_SOL_ATOMIC;
import static io.otcrouter.dashboard.DashboardEvents.USDC_OUT_ATOMIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class TokenUnitsTest {

    @Test
    void shouldShowThousandSolFromLamportsWithNineDecimals() {
        assertThat(TokenUnits.format(THOUSAND_SOL_ATOMIC, 9)).isEqualTo("1000");
    }

    @Test
    void shouldShowUsdcFromMicroUnitsWithSixDecimals() {
        assertThat(TokenUnits.format(USDC_OUT_ATOMIC, 6)).isEqualTo("149625");
    }

    @Test
    void shouldKeepEveryAtomicDigitWithoutRounding() {
        assertThat(TokenUnits.format(new BigInteger("1000000001"), 9)).isEqualTo("1.000000001");
        assertThat(TokenUnits.format(new BigInteger("1"), 5)).isEqualTo("0.00001");
    }

    @Test
    void shouldShowZeroAsZero() {
        assertThat(TokenUnits.format(BigInteger.ZERO, 6)).isEqualTo("0");
    }
}
