package io.otcrouter.otcpool.outbox;

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
import io.otcrouter.otcpool.support.EmbeddedPostgresHolder;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The outbox purge on a real PostgreSQL, in a database of its own migrated by Flyway (no relay runs there, so rows
 * stay unpublished for as long as the test says), with a clock the test moves.
 */
class OutboxCleanerIT {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyMigratedDatabase() {
        String url = EmbeddedPostgresHolder.newDatabase("outbox_cleaner_" + UUID.randomUUID().toString()
                .replace("-", ""));
        Flyway.configure().dataSource(url, "postgres", "postgres").schemas("otc_pool").defaultSchema("otc_pool")
                .load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
    }

    @Test
    void shouldDeleteRowsPublishedBeforeTheRetentionAndKeepRecentAndUnpublishedOnes() {
        row("published-two-days-ago", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        row("published-25-hours-ago", NOW.minus(Duration.ofHours(25)), NOW.minus(Duration.ofHours(25)));
        row("published-an-hour-ago", NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        row("never-published", NOW.minus(Duration.ofDays(30)), null);

        int deleted = cleaner(OutboxCleaner.BATCH_SIZE, OutboxCleaner.MAX_BATCHES_PER_RUN)
                .deletePublishedBeforeRetention();

        assertThat(deleted).isEqualTo(2);
        assertThat(keys()).containsExactly("published-an-hour-ago", "never-published");
        assertThat(purged()).isEqualTo(2);
    }

    @Test
    void shouldDeleteARowOnceTheClockHasMovedPastItsRetention() {
        row("published-an-hour-ago", NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)));
        OutboxCleaner cleaner = cleaner(OutboxCleaner.BATCH_SIZE, OutboxCleaner.MAX_BATCHES_PER_RUN);

        assertThat(cleaner.deletePublishedBeforeRetention()).isZero();
        clock.advance(Duration.ofHours(23));
        assertThat(cleaner.deletePublishedBeforeRetention()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cleaner.deletePublishedBeforeRetention()).isEqualTo(1);

        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldDeleteInBatchesAndNoMoreThanItsBatchesPerRunSoABacklogTakesSeveralRuns() {
        for (int i = 0; i < 7; i++) {
            row("old-" + i, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)));
        }
        row("recent", NOW, NOW);
        OutboxCleaner twoBatchesOfThree = cleaner(3, 2);

        assertThat(twoBatchesOfThree.deletePublishedBeforeRetention()).isEqualTo(6);
        assertThat(keys()).containsExactly("old-6", "recent");
        assertThat(twoBatchesOfThree.deletePublishedBeforeRetention()).isEqualTo(1);
        assertThat(keys()).containsExactly("recent");
        assertThat(purged()).isEqualTo(7);
    }

    private OutboxCleaner cleaner(int batchSize, int maxBatchesPerRun) {
        return new OutboxCleaner(jdbc, RETENTION, clock, registry, batchSize, maxBatchesPerRun);
    }

    private void row(String key, Instant createdAt, Instant publishedAt) {
        jdbc.update("""
                insert into otc_pool.outbox (id, topic, message_key, payload, created_at, published_at)
                values (nextval('otc_pool.otc_pool_outbox_seq'), 'otc.pools.executed.v1', ?, ?, ?, ?)""",
                key, new byte[] { 1, 2, 3 }, utc(createdAt), publishedAt == null ? null : utc(publishedAt));
    }

    private List<String> keys() {
        return jdbc.queryForList("select message_key from otc_pool.outbox order by id", String.class);
    }

    private double purged() {
        return registry.get("otc.retention.purged").tag("table", "outbox").counter().count();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
