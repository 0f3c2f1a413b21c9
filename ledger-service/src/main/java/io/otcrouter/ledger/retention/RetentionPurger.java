package io.otcrouter.ledger.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.ledger.booking.BookingProperties;

/**
 * Keeps the ledger's bookkeeping tables bounded; trades, legs and metrics are the ledger's record and are kept. The
 * outbox is purged by the outbox module's own cleaner ({@code OTC_OUTBOX_RETENTION}).
 *
 * <ul>
 * <li>{@code processed_event}: ids of events applied longer ago than {@code OTC_PROCESSED_EVENTS_RETENTION} (7 days by
 * default). The retention must stay longer than any redelivery window, the longest time after which Kafka can
 * deliver an applied event again: after a crash or a rebalance that is the uncommitted tail, seconds; but a consumer
 * group whose committed offsets expired ({@code offsets.retention.minutes}, 7 days by default) starts again from the
 * earliest records of topics kept far longer. An event redelivered after its id was purged still cannot be booked
 * twice (a trade is unique by trade id, a leg by trade id and leg id, both checked before inserting), but it is then
 * logged as a second decision or execution rather than dropped silently as a duplicate.</li>
 * </ul>
 *
 * <p>Runs every 10 s, in batches of {@value #BATCH_SIZE} rows, at most {@value #MAX_BATCHES_PER_RUN} per table and run:
 * it shares the scheduler thread with the outbox cleaner and the settle sweep, so a backlog (after a long stop) is
 * worked off over several runs rather than in one.
 */
@Component
class RetentionPurger {

    static final int BATCH_SIZE = 1_000;
    static final int MAX_BATCHES_PER_RUN = 20;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);
    /** Along processed_event_processed_at_idx. */
    private static final String PROCESSED_EVENTS = """
            delete from processed_event where event_id in (
                select event_id from processed_event where processed_at < ? order by processed_at limit ?)
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RowPurge processedEvents;
    private final int batchSize;
    private final int maxBatchesPerRun;

    @Autowired
    RetentionPurger(JdbcTemplate jdbc, BookingProperties booking, Clock clock, MeterRegistry registry) {
        this(jdbc, booking, clock, registry, BATCH_SIZE, MAX_BATCHES_PER_RUN);
    }

    RetentionPurger(JdbcTemplate jdbc, BookingProperties booking, Clock clock, MeterRegistry registry, int batchSize,
            int maxBatchesPerRun) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processedEvents = RowPurge.of("processed_event", PROCESSED_EVENTS, booking.processedEventsRetention(),
                registry);
        this.batchSize = batchSize;
        this.maxBatchesPerRun = maxBatchesPerRun;
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void purge() {
        for (RowPurge purge : List.of(processedEvents)) {
            try {
                purge(purge);
            } catch (DataAccessException e) {
                log.warn("Purge of {} failed; its old rows stay until the next run: {}", purge.table(),
                        e.getMessage());
            }
        }
    }

    /** @return processed event ids deleted by this run */
    int purgeProcessedEvents() {
        return purge(processedEvents);
    }

    private int purge(RowPurge purge) {
        Instant now = clock.instant();
        int deleted = purge.run(jdbc, now, batchSize, maxBatchesPerRun);
        if (deleted > 0) {
            log.info("Purged {} {} rows older than {} (retention {})", deleted, purge.table(),
                    now.minus(purge.retention()), purge.retention());
        }
        return deleted;
    }
}
