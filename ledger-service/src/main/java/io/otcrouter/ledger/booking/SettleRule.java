package io.otcrouter.ledger.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * When a trade settles, and at what time its settlement stands.
 *
 * <p>A trade settles as soon as every expected leg is booked, or provisionally once the ledger's clock is past the end
 * of its settle window with the legs it has (a missing leg counts as not filled). Every booked leg counts, however late
 * it executed: a leg booked after the trade settled corrects the settlement ({@link Booking}), because the venue did
 * move its inventory for it, and the ledger's word must agree with the venues'.
 *
 * <p>The settle window is the settle timeout counted from when the ledger booked the decision ({@code bookedAt}, its
 * own clock), not from when the router made it ({@code decidedAt}). A decision the ledger reads late — queued behind
 * a database outage, a backlog or a restart, which also hold up the venues and the legs behind it on the execution
 * topics — would otherwise be settled provisionally the moment it is booked, before its legs were read, and corrected
 * a moment later. When the ledger keeps up, bookedAt is milliseconds after decidedAt and nothing changes.
 *
 * <p>The time a settlement stands at ({@link #settledAt}) is a function of the legs it holds, never of the ledger's
 * clock: at the last leg once every leg is in (never before the decision), else at the decision plus the timeout or
 * its last leg if that came later. So a correction, a provisional settlement and a replay that books every decision
 * as of its decision time ({@code Booking#replay}) agree on it whenever they hold the same legs.
 */
public record SettleRule(Duration timeout) {

    /** A "now" before every window's end: settles complete trades only. */
    public static final Instant NO_TIMEOUT_YET = Instant.MIN;

    public SettleRule {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("settle timeout must be positive, got " + timeout);
        }
    }

    /** The end of the settle window of a decision booked at {@code bookedAt}. */
    public Instant deadline(Instant bookedAt) {
        return bookedAt.plus(timeout);
    }

    /**
     * @param legsExpected       legs the router decided
     * @param bookedLegsExecuted execution times of the legs booked so far
     * @param decidedAt          when the router decided (event time)
     * @param bookedAt           when the ledger booked the decision (its clock)
     * @param now                the ledger's clock
     * @return when the pending trade's settlement stands, or empty while it must still wait for legs
     */
    public Optional<Instant> settleAt(int legsExpected, Collection<Instant> bookedLegsExecuted, Instant decidedAt,
            Instant bookedAt, Instant now) {
        if (bookedLegsExecuted.size() >= legsExpected || now.isAfter(deadline(bookedAt))) {
            return Optional.of(settledAt(legsExpected, bookedLegsExecuted, decidedAt));
        }
        return Optional.empty();
    }

    /** When a settlement holding these legs stands, provisional or complete (see the class comment). */
    public Instant settledAt(int legsExpected, Collection<Instant> bookedLegsExecuted, Instant decidedAt) {
        Instant floor = bookedLegsExecuted.size() >= legsExpected ? decidedAt : decidedAt.plus(timeout);
        Instant lastLeg = bookedLegsExecuted.stream().max(Comparator.naturalOrder()).orElse(floor);
        return lastLeg.isAfter(floor) ? lastLeg : floor;
    }
}
