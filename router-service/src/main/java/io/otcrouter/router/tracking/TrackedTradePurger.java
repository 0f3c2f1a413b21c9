package io.otcrouter.router.tracking;

import java.time.Clock;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.config.TrackingProperties;

/**
 * Deletes tracked trades, and their legs, older than the retention, so that the router's tables stay as large as
 * the retention's worth of trades. A batch at a time, each batch one short statement, so that the purge never holds
 * many rows locked or competes for long with the trades being tracked. Every instance may run it: a trade deleted
 * twice is deleted once.
 *
 * <p>The retention is at least the idempotency retention: a retry resumes its key's trade from the tracked trade
 * (is its decision stored, acknowledged, settled?), and a key whose trade was already purged would decide it again.
 */
@Component
class TrackedTradePurger {

    private static final Logger log = LoggerFactory.getLogger(TrackedTradePurger.class);
    static final int BATCH = 1000;

    private final TrackedTradeRepository trades;
    private final TrackingProperties properties;
    private final Clock clock;
    private final int batch;

    @Autowired
    TrackedTradePurger(TrackedTradeRepository trades, TrackingProperties properties,
            IdempotencyProperties idempotency, Clock clock) {
        this(trades, properties, idempotency, clock, BATCH);
    }

    TrackedTradePurger(TrackedTradeRepository trades, TrackingProperties properties,
            IdempotencyProperties idempotency, Clock clock, int batch) {
        if (properties.retention().compareTo(idempotency.retention()) < 0) {
            throw new IllegalStateException("otc.router.tracking.retention (" + properties.retention() + ") must be "
                    + "at least otc.router.idempotency.retention (" + idempotency.retention() + "): a retry under a "
                    + "key whose trade was purged would decide that trade again");
        }
        this.trades = trades;
        this.properties = properties;
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${otc.router.tracking.purge-interval:10m}",
            initialDelayString = "${otc.router.tracking.purge-interval:10m}")
    int purge() {
        var cutoff = clock.instant().minus(properties.retention());
        int purged = inBatches(() -> trades.purgeRecordedBefore(cutoff, batch));
        int orphanLegs = inBatches(() -> trades.purgeLegsExecutedBefore(cutoff, batch));
        if (purged + orphanLegs > 0) {
            log.info("Purged {} tracked trades and {} legs without a trade, older than {}", purged, orphanLegs,
                    properties.retention());
        }
        return purged;
    }

    private int inBatches(IntSupplier deleteBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch.getAsInt();
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
