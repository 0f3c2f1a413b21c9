package io.otcrouter.ledger.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Settles provisionally the trades whose legs did not all come within the settle timeout (see {@link SettleRule}). */
@Component
@ConditionalOnProperty(name = "otc.ledger.sweep-enabled", havingValue = "true", matchIfMissing = true)
class SettleTimeoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(SettleTimeoutSweeper.class);

    private final Booking booking;

    SettleTimeoutSweeper(Booking booking) {
        this.booking = booking;
    }

    @Scheduled(fixedDelayString = "${otc.ledger.sweep-interval:1s}")
    void sweep() {
        try {
            int settled;
            do {
                settled = booking.settleOverdue();
                if (settled > 0) {
                    log.info("Settled {} trades after their settle timeout", settled);
                }
            } while (settled > 0);
        } catch (RuntimeException e) {
            log.warn("Settle-timeout sweep failed; overdue trades stay pending until the next sweep", e);
        }
    }
}
