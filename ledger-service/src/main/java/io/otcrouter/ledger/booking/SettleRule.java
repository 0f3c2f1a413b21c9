package io.otcrouter.ledger.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * When a trade settles, and which of its legs count.
 *
 * <p>The settle window is the settle timeout counted from when the ledger booked the decision ({@code bookedAt}, its
 * own clock), not from when the router made it ({@code decidedAt}). A decision the ledger reads late — queued behind
 * a database outage, a backlog or a restart, which also hold up the venues and the legs behind it on the execution
 * topics — would otherwise be settled the moment it is booked, before the legs were read or, when the venue waited
 * out the same outage, executed: the trade would turn PARTIALLY_FILLED or FAILED while the venues filled every leg.
 * Counted from the booking, those legs get the same window as on a quiet day. When the ledger keeps up, bookedAt is
 * milliseconds after decidedAt and nothing changes.
 *
 * <p>A leg counts if it executed by the end of the window. A trade settles as soon as every expected leg is booked and
 * counts: at the time of its last leg (never before the decision). Otherwise it settles once the ledger's clock is
 * past the end of the window (a missing or late leg counts as not filled), or at once when every leg is booked but
 * one executed too late: at the decision time plus the timeout, or at its last counted leg if that came later.
 * Settlement times are therefore functions of the events and of which legs counted, so a replay that books every
 * decision as of its decision time ({@code Booking#replay}) reproduces them for every trade the ledger read in time.
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

    public boolean counts(Instant legExecutedAt, Instant bookedAt) {
        return !legExecutedAt.isAfter(deadline(bookedAt));
    }

    /**
     * @param legsExpected       legs the router decided
     * @param bookedLegsExecuted execution times of the legs booked so far
     * @param decidedAt          when the router decided (event time)
     * @param bookedAt           when the ledger booked the decision (its clock)
     * @param now                the ledger's clock
     * @return when the trade settled, or empty while it must still wait for legs
     */
    public Optional<Instant> settleAt(int legsExpected, Collection<Instant> bookedLegsExecuted, Instant decidedAt,
            Instant bookedAt, Instant now) {
        boolean allBooked = bookedLegsExecuted.size() >= legsExpected;
        boolean allCount = bookedLegsExecuted.stream().allMatch(at -> counts(at, bookedAt));
        if (allBooked && allCount) {
            return Optional.of(latest(bookedLegsExecuted.stream().toList(), decidedAt));
        }
        if (allBooked || now.isAfter(deadline(bookedAt))) {
            return Optional.of(latest(bookedLegsExecuted.stream().filter(at -> counts(at, bookedAt)).toList(),
                    decidedAt.plus(timeout)));
        }
        return Optional.empty();
    }

    private static Instant latest(Collection<Instant> legs, Instant floor) {
        Instant lastLeg = legs.stream().max(Comparator.naturalOrder()).orElse(floor);
        return lastLeg.isAfter(floor) ? lastLeg : floor;
    }
}
