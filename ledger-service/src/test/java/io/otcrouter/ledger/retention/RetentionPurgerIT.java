package io.otcrouter.ledger.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.ledger.booking.BookingProperties;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The purge of processed event ids on a real PostgreSQL, in a database of its own migrated by Flyway, with a clock the
 * test moves. (The outbox's purge is the outbox module's, tested there.)
 */
class RetentionPurgerIT {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final BookingProperties BOOKING = new BookingProperties(Duration.ofSeconds(30), 500,
            Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyMigratedDatabase() {
        String database = "retention_" + UUID.randomUUID().toString().replace("-", "");
        String url = EmbeddedPostgresHolder.jdbcUrl(database);
        Flyway.configure().dataSource(url, "postgres", "postgres").schemas("ledger").defaultSchema("ledger")
                .load().migrate();
        // As the service's pool does (hikari schema): its statements name tables without their schema.
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url + "&currentSchema=ledger", "postgres", "postgres"));
    }

    @Test
    void shouldPurgeProcessedEventIdsOnceTheClockIsPastTheirRetentionAndNotBefore() {
        processedEvent("applied-eight-days-ago", NOW.minus(Duration.ofDays(8)));
        processedEvent("applied-six-days-ago", NOW.minus(Duration.ofDays(6)));
        processedEvent("applied-just-now", NOW);
        RetentionPurger purger = purger(RetentionPurger.BATCH_SIZE, RetentionPurger.MAX_BATCHES_PER_RUN);

        assertThat(purger.purgeProcessedEvents()).isEqualTo(1);
        assertThat(processedEventIds()).containsExactlyInAnyOrder("applied-six-days-ago", "applied-just-now");
        clock.advance(Duration.ofDays(1));
        assertThat(purger.purgeProcessedEvents()).as("exactly as old as the retention: kept").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(purger.purgeProcessedEvents()).isEqualTo(1);
        assertThat(processedEventIds()).containsExactly("applied-just-now");
        assertThat(purged("processed_event")).isEqualTo(2);
    }

    @Test
    void shouldPurgeInBatchesAndNoMoreThanItsBatchesPerRunSoABacklogTakesSeveralRuns() {
        for (int i = 0; i < 7; i++) {
            processedEvent("old-" + i, NOW.minus(Duration.ofDays(10)).plusSeconds(i));
        }
        processedEvent("recent", NOW);
        RetentionPurger twoBatchesOfThree = purger(3, 2);

        assertThat(twoBatchesOfThree.purgeProcessedEvents()).isEqualTo(6);
        assertThat(processedEventIds()).containsExactlyInAnyOrder("old-6", "recent");
        assertThat(twoBatchesOfThree.purgeProcessedEvents()).isEqualTo(1);
        assertThat(processedEventIds()).containsExactly("recent");
    }

    @Test
    void shouldPurgeProcessedEventIdsInTheScheduledRunAndLeaveTheOutboxToItsOwnCleaner() {
        outboxRow("published-two-days-ago", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        processedEvent("applied-eight-days-ago", NOW.minus(Duration.ofDays(8)));

        purger(RetentionPurger.BATCH_SIZE, RetentionPurger.MAX_BATCHES_PER_RUN).purge();

        assertThat(outboxKeys()).containsExactly("published-two-days-ago");
        assertThat(processedEventIds()).isEmpty();
    }

    private RetentionPurger purger(int batchSize, int maxBatchesPerRun) {
        return new RetentionPurger(jdbc, BOOKING, clock, registry, batchSize, maxBatchesPerRun);
    }

    private void outboxRow(String key, Instant createdAt, Instant publishedAt) {
        jdbc.update("""
                insert into outbox (id, topic, message_key, payload, created_at, published_at)
                values (nextval('ledger_outbox_seq'), 'otc.trades.settled.v1', ?, ?, ?, ?)""",
                key, new byte[] { 1, 2, 3 }, utc(createdAt), publishedAt == null ? null : utc(publishedAt));
    }

    private void processedEvent(String eventId, Instant processedAt) {
        jdbc.update("insert into processed_event (event_id, processed_at) values (?, ?)", eventId, utc(processedAt));
    }

    private List<String> outboxKeys() {
        return jdbc.queryForList("select message_key from outbox order by id", String.class);
    }

    private List<String> processedEventIds() {
        return jdbc.queryForList("select event_id from processed_event", String.class);
    }

    private double purged(String table) {
        return registry.get("otc.retention.purged").tag("table", table).counter().count();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
