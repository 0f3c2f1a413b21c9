package io.otcrouter.ledger.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * When a trade settles, in event time so that a replay of the same events settles it the same way.
 *
 * <p>The deadline is the decision time plus the settle timeout. A leg counts if it executed by the deadline. A trade
 * settles as soon as every expected leg is booked and counts: at the time of its last leg (never before the
 * decision). Otherwise it settles once the ledger's clock is past the deadline (a missing or late leg counts as not
 * filled): at the deadline. Settlement times are therefore functions of the events, not of when the ledger read them.
 */
public record SettleRule(Duration timeout) {

    /** A "now" before every deadline: settles complete trades only. */
    public static final Instant NO_TIMEOUT_YET = Instant.MIN;

    public SettleRule {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("settle timeout must be positive, got " + timeout);
        }
    }

    public Instant deadline(Instant decidedAt) {
        return decidedAt.plus(timeout);
    }

    public boolean counts(Instant legExecutedAt, Instant decidedAt) {
        return !legExecutedAt.isAfter(deadline(decidedAt));
    }

    /**
     * @param legsExpected       legs the router decided
     * @param bookedLegsExecuted execution times of the legs booked so far
     * @param now                the ledger's clock
     * @return when the trade settled, or empty while it must still wait for legs
     */
    public Optional<Instant> settleAt(int legsExpected, Collection<Instant> bookedLegsExecuted, Instant decidedAt,
            Instant now) {
        boolean allBooked = bookedLegsExecuted.size() >= legsExpected;
        boolean allCount = bookedLegsExecuted.stream().allMatch(at -> counts(at, decidedAt));
        if (allBooked && allCount) {
            Instant lastLeg = bookedLegsExecuted.stream().max(Comparator.naturalOrder()).orElse(decidedAt);
            return Optional.of(lastLeg.isAfter(decidedAt) ? lastLeg : decidedAt);
        }
        if (allBooked || now.isAfter(deadline(decidedAt))) {
            return Optional.of(deadline(decidedAt));
        }
        return Optional.empty();
    }
}
