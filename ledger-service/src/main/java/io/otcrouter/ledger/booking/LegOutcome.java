package io.otcrouter.ledger.booking;

import java.math.BigInteger;
import java.util.Objects;

import io.otcrouter.events.LegStatus;

/** How one leg of a trade ended, in atomic units of the trade's input and output tokens. */
public record LegOutcome(LegStatus status, BigInteger inAmount, BigInteger outAmount) {

    public LegOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(inAmount, "inAmount");
        Objects.requireNonNull(outAmount, "outAmount");
    }

    boolean filled() {
        return status == LegStatus.FILLED;
    }
}
