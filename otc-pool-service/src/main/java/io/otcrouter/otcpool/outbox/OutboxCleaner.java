package io.otcrouter.otcpool.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the outbox as small as its retention ({@code OTC_OUTBOX_RETENTION}, a day by default): rows published longer
 * ago than that are deleted; the events live on in Kafka, the row was only kept to look into what was sent. A row not
 * yet published is never deleted, however old: it is an event still owed to Kafka.
 *
 * <p>Deletes in batches, each its own short statement (no long lock, no huge transaction), and at most a bounded
 * number per run, because it shares the scheduler thread with the relay: a backlog after a long stop is worked off
 * over several runs rather than in one. Rows deleted are counted in {@code otc.retention.purged{table=outbox}}.
 */
@Component
class OutboxCleaner {

    static final int BATCH_SIZE = 1_000;
    static final int MAX_BATCHES_PER_RUN = 20;

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);
    /** By id: the oldest rows come first along the primary key, so a batch never scans the table. */
    private static final String DELETE_BATCH = """
            delete from otc_pool.outbox where id in (
                select id from otc_pool.outbox where published_at < ? order by id limit ?)
            """;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;
    private final Counter purged;
    private final int batchSize;
    private final int maxBatchesPerRun;

    @Autowired
    OutboxCleaner(JdbcTemplate jdbc, OutboxProperties properties, Clock clock, MeterRegistry registry) {
        this(jdbc, properties.retention(), clock, registry, BATCH_SIZE, MAX_BATCHES_PER_RUN);
    }

    OutboxCleaner(JdbcTemplate jdbc, Duration retention, Clock clock, MeterRegistry registry, int batchSize,
            int maxBatchesPerRun) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatchesPerRun = maxBatchesPerRun;
        this.purged = Counter.builder("otc.retention.purged").tag("table", "outbox")
                .description("Rows deleted after their retention").register(registry);
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void purge() {
        try {
            deletePublishedBeforeRetention();
        } catch (DataAccessException e) {
            log.warn("Outbox purge failed; old published rows stay until the next run: {}", e.getMessage());
        }
    }

    /** @return rows deleted by this run */
    int deletePublishedBeforeRetention() {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        for (int batch = 0; batch < maxBatchesPerRun; batch++) {
            int deleted = jdbc.update(DELETE_BATCH, OffsetDateTime.ofInstant(before, ZoneOffset.UTC), batchSize);
            purged.increment(deleted);
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        if (total > 0) {
            log.info("Purged {} outbox rows published before {} (retention {})", total, before, retention);
        }
        return total;
    }
}
