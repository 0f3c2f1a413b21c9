package io.otcrouter.kafka.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a consumer reports as read: caught-up partitions move to the check's time, others lag behind. */
class ReadProgressTest {

    private static final String TOPIC = "otc.example.v1";
    private static final String OTHER = "otc.other.v1";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private final SteppedClock clock = new SteppedClock();
    private final MockConsumer<Object, Object> consumer = new MockConsumer<>("earliest");
    private final ReadProgress progress = new ReadProgress(List.of(TOPIC), Duration.ofSeconds(1), clock);

    @BeforeEach
    void twoPartitions() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null),
                new PartitionInfo(TOPIC, 1, null, null, null)));
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void shouldReportACaughtUpPartitionReadThroughTheCheckAndABackloggedOneThroughItsLastRecord() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 100L)); // P0 idle, P1 100 records behind
        consumer.seek(P0, 0);
        consumer.seek(P1, 40);
        long lastRecord = START.minusSeconds(50).toEpochMilli();
        progress.processed(P1, lastRecord);

        progress.check(consumer);

        assertThat(progress.partitions(TOPIC)).hasValue(2);
        assertThat(progress.readThrough(TOPIC)).containsEntry(0, START)
                .containsEntry(1, Instant.ofEpochMilli(lastRecord));
    }

    @Test
    void shouldNotReportAPartitionItHasNotProcessedAnythingOfAndIsBehindOn() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 5L));
        consumer.seek(P0, 0);
        consumer.seek(P1, 0);

        progress.check(consumer);

        assertThat(progress.readThrough()).containsOnlyKeys(P0);
    }

    @Test
    void shouldKnowHowManyPartitionsATopicHasEvenWhenItOwnsNoneOfThem() {
        consumer.assign(List.of());

        progress.check(consumer);

        assertThat(progress.partitions(TOPIC)).hasValue(2);
        assertThat(progress.readThrough()).isEmpty();
    }

    @Test
    void shouldAskTheBrokerAtMostOncePerIntervalAndNeverMoveBack() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 0);
        consumer.seek(P1, 0);
        progress.check(consumer);
        clock.advance(Duration.ofMillis(500));
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 3L)); // new records on P1, not yet read

        progress.check(consumer); // within the interval: the broker is not asked
        assertThat(progress.readThrough(TOPIC)).containsEntry(0, START).containsEntry(1, START);

        progress.checkNow();
        progress.check(consumer);
        assertThat(progress.readThrough(TOPIC)).as("P1 is behind now, but what was read stays read")
                .containsEntry(0, START.plusMillis(500)).containsEntry(1, START);
    }

    @Test
    void shouldNoteTheLatestTimestampOfABatchAndIgnoreOtherTopics() {
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 10L));
        consumer.seek(P0, 3);
        consumer.seek(P1, 3);
        ConsumerRecords<Object, Object> batch = new ConsumerRecords<>(Map.of(
                P0, List.of(record(P0, 1, START.minusSeconds(9)), record(P0, 2, START.minusSeconds(8))),
                P1, List.of(record(P1, 2, START.minusSeconds(3)), record(P1, 1, START.minusSeconds(20))),
                new TopicPartition(OTHER, 0), List.of(record(new TopicPartition(OTHER, 0), 0, START))), Map.of());

        progress.batchInterceptor().success(batch, consumer);
        progress.check(consumer);

        assertThat(progress.readThrough()).containsOnly(Map.entry(P0, START.minusSeconds(8)),
                Map.entry(P1, START.minusSeconds(3)));
    }

    /** A clock that stands still until the test moves it (test-support's MutableClock depends on this module). */
    private static final class SteppedClock extends Clock {

        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static ConsumerRecord<Object, Object> record(TopicPartition partition, long offset, Instant timestamp) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, timestamp.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "key", "value", new RecordHeaders(), Optional.empty());
    }
}
