package io.otcrouter.otcpool.pool;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.outbox.Outbox;

/**
 * Announces every pool's current state at start-up, through the outbox, so the dashboard and any other reader of
 * the compacted pool-state topic know every pool even before its first fill.
 */
@Component
class PoolStartupAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(PoolStartupAnnouncer.class);

    private final PoolRepository pools;
    private final Outbox outbox;
    private final Clock clock;

    PoolStartupAnnouncer(PoolRepository pools, Outbox outbox, Clock clock) {
        this.pools = pools;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void announce() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        var all = pools.findAllByOrderById();
        all.forEach(pool -> outbox.append(Topics.POOLS_CHANGED, pool.getId(),
                PoolStateEvents.snapshot(pool, PoolStateEvents.STARTUP, now)));
        log.info("Announced {} pools", all.size());
    }
}
