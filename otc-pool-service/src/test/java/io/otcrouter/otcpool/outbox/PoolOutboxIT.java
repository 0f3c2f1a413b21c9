package io.otcrouter.otcpool.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.outbox.OutboxAutoConfiguration;
import io.otcrouter.outbox.OutboxCleaner;
import io.otcrouter.outbox.OutboxProperties;
import io.otcrouter.outbox.OutboxRelay;
import io.otcrouter.outbox.OutboxRepository;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The shared outbox module on the pool's own {@code otc_pool.outbox} table and sequence (its migrations, its
 * {@code META-INF/orm.xml}), in a database of its own: nothing but the outbox is started and no relay runs on its
 * own, so rows stay unpublished for as long as a test says. The cleaner runs on a clock the test moves; the relay
 * sends to a broker the test scripts.
 */
@SpringBootTest(classes = PoolOutboxIT.OutboxOnly.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "otc.outbox.relay-enabled=false")
class PoolOutboxIT {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    /** What one run of the cleaner deletes at most: 20 batches of 1,000 rows. */
    private static final int MOST_PER_RUN = 20_000;
    private static final String TOPIC = Topics.POOLS_EXECUTED.name();
    private static final byte[] PAYLOAD = { 1, 2, 3 };

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private OutboxRepository repository;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useOwn(registry, "pool_outbox_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("delete from otc_pool.outbox");
    }

    @Test
    void shouldDeleteRowsPublishedBeforeTheRetentionAndKeepRecentAndUnpublishedOnes() {
        row("published-two-days-ago", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        row("published-25-hours-ago", NOW.minus(Duration.ofHours(25)), NOW.minus(Duration.ofHours(25)));
        row("published-an-hour-ago", NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        row("never-published", NOW.minus(Duration.ofDays(30)), null);

        int deleted = cleaner().deletePublishedBeforeRetention();

        assertThat(deleted).isEqualTo(2);
        assertThat(keys()).containsExactly("published-an-hour-ago", "never-published");
        assertThat(purged()).isEqualTo(2);
    }

    @Test
    void shouldDeleteARowOnceTheClockHasMovedPastItsRetention() {
        row("published-an-hour-ago", NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)));
        OutboxCleaner cleaner = cleaner();

        assertThat(cleaner.deletePublishedBeforeRetention()).isZero();
        clock.advance(Duration.ofHours(23));
        assertThat(cleaner.deletePublishedBeforeRetention()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cleaner.deletePublishedBeforeRetention()).isEqualTo(1);

        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldDeleteNoMoreThanItsBatchesPerRunSoABacklogTakesSeveralRuns() {
        Instant old = NOW.minus(Duration.ofDays(3));
        jdbc.update("""
                insert into otc_pool.outbox (id, topic, message_key, payload, created_at, published_at)
                select nextval('otc_pool.otc_pool_outbox_seq'), ?, 'old-' || n, ?, ?, ?
                from generate_series(1, ?) n""", TOPIC, PAYLOAD, utc(old), utc(old), MOST_PER_RUN + 7);
        row("recent", NOW, NOW);
        OutboxCleaner cleaner = cleaner();

        assertThat(cleaner.deletePublishedBeforeRetention()).isEqualTo(MOST_PER_RUN);
        assertThat(cleaner.deletePublishedBeforeRetention()).isEqualTo(7);
        assertThat(keys()).containsExactly("recent");
        assertThat(purged()).isEqualTo(MOST_PER_RUN + 7);
    }

    @Test
    void shouldMarkOnlyTheRowsAcknowledgedInOrderSoAFailedOneIsRetriedWithEverythingAfterIt() {
        row("trade-1", NOW, null);
        row("trade-2", NOW, null);
        row("trade-3", NOW, null);
        KafkaOperations<String, Object> kafka = broker();
        when(kafka.send(eq(TOPIC), anyString(), any())).thenAnswer(call -> switch ((String) call.getArgument(1)) {
            case "trade-2" -> CompletableFuture.failedFuture(new TimeoutException("broker away"));
            default -> CompletableFuture.completedFuture(mock(SendResult.class));
        });

        int published = relay(kafka).relayPending();

        assertThat(published).isEqualTo(1);
        assertThat(jdbc.queryForList("select message_key from otc_pool.outbox where published_at is not null",
                String.class)).containsExactly("trade-1");
        assertThat(jdbc.queryForList("select message_key from otc_pool.outbox where published_at is null order by id",
                String.class)).containsExactly("trade-2", "trade-3");
    }

    @Test
    void shouldSendThePayloadBytesUnchangedWithTheStoredKey() {
        row("trade-9", NOW, null);
        KafkaOperations<String, Object> kafka = broker();
        when(kafka.send(eq(TOPIC), eq("trade-9"), eq(PAYLOAD)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        assertThat(relay(kafka).relayPending()).isEqualTo(1);

        assertThat(jdbc.queryForObject("select published_at from otc_pool.outbox where message_key = 'trade-9'",
                OffsetDateTime.class).toInstant()).isEqualTo(NOW);
    }

    private OutboxCleaner cleaner() {
        return new OutboxCleaner(repository, new TransactionTemplate(transactionManager), RETENTION, clock, registry);
    }

    private OutboxRelay relay(KafkaOperations<String, Object> kafka) {
        OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(100), 500, Duration.ofSeconds(1),
                RETENTION, Duration.ofSeconds(10), Duration.ofSeconds(5));
        return new OutboxRelay(repository, kafka, new TransactionTemplate(transactionManager), properties, clock);
    }

    @SuppressWarnings("unchecked")
    private static KafkaOperations<String, Object> broker() {
        return mock(KafkaOperations.class);
    }

    private void row(String key, Instant createdAt, Instant publishedAt) {
        jdbc.update("""
                insert into otc_pool.outbox (id, topic, message_key, payload, created_at, published_at)
                values (nextval('otc_pool.otc_pool_outbox_seq'), ?, ?, ?, ?, ?)""",
                TOPIC, key, PAYLOAD, utc(createdAt), publishedAt == null ? null : utc(publishedAt));
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

    /** The database, the pool's migrations, JPA and the outbox module; no Kafka, no web, no pool components. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            FlywayAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            DataJpaRepositoriesAutoConfiguration.class, OutboxAutoConfiguration.class })
    static class OutboxOnly {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
