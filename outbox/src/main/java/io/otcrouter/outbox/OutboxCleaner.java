package io.otcrouter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the outbox as small as its retention ({@link OutboxProperties#retention()}): rows published longer ago are
 * deleted; the events live on in Kafka, the row was only kept to look into what was sent. A row not yet published is
 * never deleted, however old: it is an event still owed to Kafka.
 *
 * <p>Deletes in batches, each its own short transaction (no long lock), and at most a bounded number per run, since it
 * shares the scheduler thread with the service's other jobs: a backlog after a long stop is worked off over several
 * runs. Rows deleted are counted in {@code otc.retention.purged{table=outbox}}.
 *
 * <p>While the database is briefly away a run deletes nothing and the next one tries again; the outage costs one WARN
 * line and one INFO line when it is over ({@link DependencyOutage}). Any other failure propagates to the scheduler.
 */
public class OutboxCleaner {

    static final int BATCH_SIZE = 1_000;
    static final int MAX_BATCHES_PER_RUN = 20;

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);

    private final OutboxRepository repository;
    private final TransactionOperations transaction;
    private final Duration retention;
    private final Clock clock;
    private final Counter purged;
    private final int batchSize;
    private final int maxBatchesPerRun;
    private final DependencyOutage databaseOutage = new DependencyOutage(log,
            "Outbox purge waits for the database; old published rows stay until it answers",
            "Outbox purge reaches the database again");

    public OutboxCleaner(OutboxRepository repository, TransactionOperations transaction, Duration retention,
            Clock clock, MeterRegistry registry) {
        this(repository, transaction, retention, clock, registry, BATCH_SIZE, MAX_BATCHES_PER_RUN);
    }

    OutboxCleaner(OutboxRepository repository, TransactionOperations transaction, Duration retention, Clock clock,
            MeterRegistry registry, int batchSize, int maxBatchesPerRun) {
        this.repository = repository;
        this.transaction = transaction;
        this.retention = retention;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatchesPerRun = maxBatchesPerRun;
        this.purged = Counter.builder("otc.retention.purged").tag("table", "outbox")
                .description("Rows deleted after their retention").register(registry);
    }

    // Reads the same property as OutboxProperties#cleanupInterval; an annotation needs it as a placeholder.
    @Scheduled(fixedDelayString = "${otc.outbox.cleanup-interval:10s}", initialDelayString = "10s")
    void purge() {
        try {
            deletePublishedBeforeRetention();
        } catch (RuntimeException e) {
            if (!DependencyOutage.isDatabaseAway(e)) {
                throw e;
            }
            databaseOutage.failed(e);
            return;
        }
        databaseOutage.answered();
    }

    /** @return rows deleted by this run */
    public int deletePublishedBeforeRetention() {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        for (int batch = 0; batch < maxBatchesPerRun; batch++) {
            Integer deleted = transaction.execute(status -> repository.deletePublishedBefore(before, batchSize));
            int count = deleted == null ? 0 : deleted;
            purged.increment(count);
            total += count;
            if (count < batchSize) {
                break;
            }
        }
        if (total > 0) {
            log.info("Purged {} outbox rows published before {} (retention {})", total, before, retention);
        }
        return total;
    }
}
