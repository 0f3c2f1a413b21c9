package io.otcrouter.router.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.otcrouter.router.config.IdempotencyProperties;

/**
 * Deletes keys older than the retention, a bounded batch at a time. Every instance may run it: the delete is
 * idempotent.
 */
@Component
class IdempotencyKeyPurger {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

    private final IdempotencyKeyRepository keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    static final int BATCH = 1000;

    IdempotencyKeyPurger(IdempotencyKeyRepository keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${otc.router.idempotency.purge-interval:1h}",
            initialDelayString = "${otc.router.idempotency.purge-interval:1h}")
    int purge() {
        var cutoff = clock.instant().minus(properties.retention());
        int purged = 0;
        int deleted;
        do {
            deleted = keys.purgeCreatedBefore(cutoff, BATCH);
            purged += deleted;
        } while (deleted == BATCH);
        if (purged > 0) {
            log.info("Purged {} idempotency keys older than {}", purged, properties.retention());
        }
        return purged;
    }
}
