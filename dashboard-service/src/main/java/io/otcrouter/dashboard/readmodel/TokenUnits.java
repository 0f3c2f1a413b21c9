package io.otcrouter.dashboard.readmodel;

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

    /** An event's atomic amount; the contract says whole numbers, so a fraction makes the event invalid. */
    static BigInteger atomic(BigDecimal amount, String field) {
        try {
            return amount.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " is not a whole number of atomic units: "
                    + amount.toPlainString(), e);
        }
    }

    /** {@link #atomic} in token units; null stays null. */
    static BigDecimal units(BigDecimal atomic, int decimals, String field) {
        return atomic == null ? null : toUnits(atomic(atomic, field), decimals);
    }
}
