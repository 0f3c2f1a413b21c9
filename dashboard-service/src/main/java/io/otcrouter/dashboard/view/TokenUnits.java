package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Atomic amounts of the events to token units for display, exactly: the decimals travel in each event, so the
 * dashboard never assumes them (the original project divided every output by 1e6 whatever the token).
 */
public final class TokenUnits {

    private TokenUnits() {
    }

    /** {@code atomic / 10^decimals} without rounding and without trailing zeros. */
    public static BigDecimal toUnits(BigInteger atomic, int decimals) {
        BigDecimal units = new BigDecimal(atomic, decimals);
        return units.signum() == 0 ? BigDecimal.ZERO : units.stripTrailingZeros();
    }

    /** Token units as a plain decimal string, e.g. 1000000000000 lamports (9 decimals) is {@code "1000"}. */
    public static String format(BigInteger atomic, int decimals) {
        return toUnits(atomic, decimals).toPlainString();
    }
}
