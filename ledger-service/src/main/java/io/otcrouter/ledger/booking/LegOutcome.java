package io.otcrouter.ledger.booking;

import java.math.BigInteger;
import java.util.Objects;

import io.otcrouter.events.LegStatus;

/**
 * How one leg of a trade ended, in atomic units of the trade's input and output tokens.
 *
 * @param expectedOut what the router expected the leg to return; null when the ledger does not know the decided legs
 *                    (trades booked before it kept them)
 */
public record LegOutcome(LegStatus status, BigInteger inAmount, BigInteger outAmount, BigInteger expectedOut) {

    public LegOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(inAmount, "inAmount");
        Objects.requireNonNull(outAmount, "outAmount");
    }

    /** A leg whose expected output is not known. */
    public LegOutcome(LegStatus status, BigInteger inAmount, BigInteger outAmount) {
        this(status, inAmount, outAmount, null);
    }

    boolean filled() {
        return status == LegStatus.FILLED;
    }
}
