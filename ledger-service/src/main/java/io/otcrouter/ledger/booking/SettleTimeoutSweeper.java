package io.otcrouter.ledger.booking;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.otcrouter.outbox.DependencyOutage;

/**
 * Settles provisionally the trades whose legs did not all come within the settle timeout (see {@link SettleRule}),
 * once every leg executed within their window has been read ({@link LegWatermark}): a leg that waits in the ledger's
 * own backlog is booked first, so the trade is settled once and right rather than settled without it and corrected.
 *
 * <p>One run settles at most {@value #MAX_BATCHES_PER_RUN} batches and then gives the scheduler back: under a steady
 * stream of overdue trades it would otherwise never return, and the retention purges share its thread.
 */
@Component
@ConditionalOnProperty(name = "otc.ledger.sweep-enabled", havingValue = "true", matchIfMissing = true)
class SettleTimeoutSweeper {

    static final int MAX_BATCHES_PER_RUN = 10;

    private static final Logger log = LoggerFactory.getLogger(SettleTimeoutSweeper.class);

    private final Booking booking;
    private final LegWatermark legs;
    private final DependencyOutage outage = new DependencyOutage(log,
            "Settle-timeout sweep waits for the database; overdue trades stay pending until it answers",
            "Settle-timeout sweep reaches the database again");

    SettleTimeoutSweeper(Booking booking, LegWatermark legs) {
        this.booking = booking;
        this.legs = legs;
    }

    @Scheduled(fixedDelayString = "${otc.ledger.sweep-interval:1s}")
    void sweep() {
        try {
            legs.record();
            Optional<Instant> legsBooked = legs.readThrough();
            outage.answered();
            if (legsBooked.isPresent()) {
                settleOverdue(legsBooked.get());
            }
        } catch (RuntimeException e) {
            if (!DependencyOutage.isDatabaseAway(e)) {
                log.warn("Settle-timeout sweep failed; overdue trades stay pending until the next sweep", e);
                return;
            }
            outage.failed(e);
        }
    }

    private void settleOverdue(Instant legsBooked) {
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int settled = booking.settleOverdue(legsBooked);
            if (settled == 0) {
                return;
            }
            log.info("Settled {} trades after their settle timeout", settled);
        }
    }
}
