package io.otcrouter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The outbox on a real PostgreSQL and a real broker (embedded KRaft). The relay's own poll is an hour away, so
 * whatever reaches Kafka was relayed because a commit woke it, or because a test ran a relay itself.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
        "spring.kafka.producer.acks=all",
        "spring.flyway.schemas=relay_test",
        "spring.flyway.default-schema=relay_test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.datasource.hikari.schema=relay_test",
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.jpa.properties.hibernate.default_schema=relay_test",
        "otc.outbox.poll-interval=1h",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN"})
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = {OutboxIT.AFTER_COMMIT, OutboxIT.ROLLED_BACK, OutboxIT.SIDE_BY_SIDE})
class OutboxIT {

    static final String AFTER_COMMIT = "otc.outbox-test.after-commit.v1";
    static final String ROLLED_BACK = "otc.outbox-test.rolled-back.v1";
    static final String SIDE_BY_SIDE = "otc.outbox-test.side-by-side.v1";
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private Outbox outbox;
    @Autowired
    private OutboxRepository repository;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private OutboxProperties properties;
    @Autowired
    private OutboxPendingGauge pendingGauge;
    @Autowired
    private MeterRegistry registry;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useShared(registry);
    }

    @Test
    void shouldPublishEventsInOrderRightAfterTheirTransactionCommits() {
        Topic<PriceUpdated> topic = topic(AFTER_COMMIT);

        transaction.executeWithoutResult(status -> IntStream.rangeClosed(1, 3)
                .forEach(i -> outbox.append(topic, "SOL", OutboxEvents.price("after-commit-" + i))));

        List<ConsumerRecord<String, byte[]>> records = read(AFTER_COMMIT, 3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("SOL");
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(encoded(topic, "after-commit-1"),
                encoded(topic, "after-commit-2"), encoded(topic, "after-commit-3"));
        await().atMost(AT_MOST).until(() -> unpublished(AFTER_COMMIT) == 0);
    }

    @Test
    void shouldNeitherStoreNorPublishAnEventWhoseTransactionRolledBack() {
        Topic<PriceUpdated> topic = topic(ROLLED_BACK);

        transaction.executeWithoutResult(status -> {
            outbox.append(topic, "SOL", OutboxEvents.price("rolled-back"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.append(topic, "SOL", OutboxEvents.price("committed")));

        assertThat(read(ROLLED_BACK, 1)).extracting(ConsumerRecord::value)
                .containsExactly(encoded(topic, "committed"));
        assertThat(repository.countByTopicAndMessageKey(ROLLED_BACK, "SOL")).isEqualTo(1);
    }

    @Test
    void shouldSendEveryRowOnceWhenTwoInstancesRelaySideBySide() {
        // Rows another instance committed: nothing woke this one, as after a crash of the writer.
        int rows = 300;
        for (int i = 0; i < rows; i++) {
            insertRow(SIDE_BY_SIDE, "key-" + i, Instant.now(), null);
        }
        OutboxProperties smallBatches = new OutboxProperties(true, Duration.ofHours(1), 7, Duration.ofSeconds(10),
                properties.retention(), properties.cleanupInterval(), properties.pendingCountInterval());
        List<OutboxRelay> instances = List.of(relay(smallBatches), relay(smallBatches));
        instances.forEach(OutboxRelay::start); // running, so relayPending goes on past a full batch

        try {
            List<CompletableFuture<Integer>> relayed = instances.stream()
                    .map(relay -> CompletableFuture.supplyAsync(relay::relayPending)).toList();
            int total = relayed.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(total).isEqualTo(rows);
        } finally {
            instances.forEach(OutboxRelay::stop);
        }

        assertThat(unpublished(SIDE_BY_SIDE)).isZero();
        assertThat(read(SIDE_BY_SIDE, rows)).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(rows);
    }

    @Test
    void shouldPurgeOnlyRowsPublishedBeforeTheRetentionAndCountThem() {
        Instant now = Instant.parse("2026-12-05T06:00:00Z");
        String topic = "otc.outbox-test.cleaner.v1";
        insertRow(topic, "published-two-days-ago", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        insertRow(topic, "published-25-hours-ago", now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(25)));
        insertRow(topic, "published-an-hour-ago", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        insertRow(topic, "never-published", now.minus(Duration.ofDays(30)), null);
        OutboxCleaner cleaner = new OutboxCleaner(repository, transaction, Duration.ofHours(24),
                Clock.fixed(now, ZoneOffset.UTC), registry, 1, 10);

        assertThat(cleaner.deletePublishedBeforeRetention()).isEqualTo(2);

        assertThat(jdbc.queryForList("select message_key from outbox where topic = ? order by id", String.class,
                topic)).containsExactly("published-an-hour-ago", "never-published");
        assertThat(registry.get("otc.retention.purged").tag("table", "outbox").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldCountRowsWaitingForTheRelay() {
        String topic = "otc.outbox-test.pending.v1";
        insertRow(topic, "waiting", Instant.now(), null);

        pendingGauge.refresh();

        assertThat(registry.get(OutboxPendingGauge.PENDING).gauge().value()).isGreaterThanOrEqualTo(1);
        jdbc.update("update outbox set published_at = now() where topic = ?", topic);
    }

    private OutboxRelay relay(OutboxProperties relayProperties) {
        return new OutboxRelay(repository, kafka, transaction, relayProperties, Clock.systemUTC());
    }

    private void insertRow(String topic, String key, Instant createdAt, Instant publishedAt) {
        jdbc.update("""
                insert into outbox (id, topic, message_key, payload, created_at, published_at)
                values (nextval('relay_test_outbox_seq'), ?, ?, ?, ?, ?)""", topic, key,
                encoded(topic(topic), key), Timestamp.from(createdAt),
                publishedAt == null ? null : Timestamp.from(publishedAt));
    }

    private long unpublished(String topic) {
        return jdbc.queryForObject("select count(*) from outbox where topic = ? and published_at is null", Long.class,
                topic);
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + topic, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, topic);
            await().atMost(AT_MOST).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Anything sent twice would have been sent with the rest: one more poll finds it.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static Topic<PriceUpdated> topic(String name) {
        return new Topic<>(name, "token symbol", PriceUpdated.class, "outbox", Optional.empty(), false);
    }

    private static byte[] encoded(Topic<PriceUpdated> topic, String eventId) {
        return new AvroEventSerializer().serialize(topic.name(), OutboxEvents.price(eventId));
    }
}
