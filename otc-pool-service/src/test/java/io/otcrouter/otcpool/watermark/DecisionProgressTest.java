package io.otcrouter.otcpool.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.config.PoolProperties;
import io.otcrouter.testsupport.time.MutableClock;

/** What the decision consumer reports as read: caught-up partitions move to the check's time, others lag behind. */
class DecisionProgressTest {

    private static final String TOPIC = Topics.ROUTES_DECIDED.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final MockConsumer<Object, Object> consumer = new MockConsumer<>("earliest");
    private DecisionProgress progress;

    @BeforeEach
    void twoPartitions() {
        progress = new DecisionProgress(new PoolProperties(false, Duration.ofMinutes(15), 20, BigDecimal.valueOf(2), 50, 0,
                1000, Duration.ofSeconds(1), 4, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(1)), clock);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null),
                new PartitionInfo(TOPIC, 1, null, null, null)));
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void shouldReportACaughtUpPartitionReadThroughTheCheckAndABackloggedOneThroughItsLastDecision() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 100L)); // P0 idle, P1 100 decisions behind
        consumer.seek(P0, 0);
        consumer.seek(P1, 40);
        long lastDecision = START.minusSeconds(50).toEpochMilli();
        progress.processed(1, lastDecision);

        progress.check(consumer);

        assertThat(progress.partitions()).hasValue(2);
        assertThat(progress.readThrough()).containsEntry(0, START).containsEntry(1, Instant.ofEpochMilli(lastDecision));
    }

    @Test
    void shouldNotReportAPartitionItHasNotProcessedAnythingOfAndIsBehindOn() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 5L));
        consumer.seek(P0, 0);
        consumer.seek(P1, 0);

        progress.check(consumer);

        assertThat(progress.readThrough()).containsOnlyKeys(0);
    }

    @Test
    void shouldCheckAtMostOncePerIntervalAndNeverMoveBack() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 0);
        consumer.seek(P1, 0);
        progress.check(consumer);
        clock.advance(Duration.ofMillis(500));
        progress.check(consumer);
        assertThat(progress.readThrough()).containsEntry(0, START);

        clock.advance(Duration.ofMillis(600));
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 3L)); // new decisions on P1, older than what was read
        progress.check(consumer);

        assertThat(progress.readThrough()).containsEntry(0, START.plusMillis(1100)).containsEntry(1, START);
    }
}
