package io.otcrouter.otcpool.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * When a decision accepted a firm quote, for the rule that a firm quote accepted while it was valid is honoured
 * however late the decision is processed (a backlog behind a database outage): the decision's own time, not the
 * time this service reads it. That time comes from the router's clock, so it is only believed within bounds:
 * <ul>
 * <li>before the quote was made (less {@code clockTolerance} of skew between the router's and this host's clocks)
 * the router cannot have accepted it: the time is not credible and the processing time is used, as if there were
 * no decision time (the quote is honoured only if it is still valid now);</li>
 * <li>within that tolerance before the quote was made it counts as made at the quote's creation;</li>
 * <li>after the processing time (a clock running ahead, or a forged time) it counts as the processing time: a
 * decision never gets less than processing-time acceptance, and never more from a time in the future.</li>
 * </ul>
 * A forged early time therefore gains nothing a quote still held for that request would not give anyway: the
 * quote's hold is kept only while the decision topic has not been read past its expiry (see the reservation
 * sweep).
 */
final class QuoteAcceptance {

    private QuoteAcceptance() {
    }

    /**
     * @param decidedAt      the decision's occurredAt, or null when unknown
     * @param quotedAt       when the quote (its reservation) was made, on this service's clock
     * @param now            the processing time
     * @param clockTolerance how far the router's clock may be behind this service's
     * @return the time at which the quote's validity is judged
     */
    static Instant acceptedAt(Instant decidedAt, Instant quotedAt, Instant now, Duration clockTolerance) {
        if (decidedAt == null || decidedAt.isBefore(quotedAt.minus(clockTolerance)) || decidedAt.isAfter(now)) {
            return now;
        }
        return decidedAt.isBefore(quotedAt) ? quotedAt : decidedAt;
    }
}
