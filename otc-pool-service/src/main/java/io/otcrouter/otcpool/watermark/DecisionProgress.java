package io.otcrouter.otcpool.watermark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.config.PoolProperties;

/**
 * How far this instance has read the routing-decision topic, per partition it owns: the time before which every
 * decision record of the partition has been processed. Kept in memory by the decision consumer's threads through
 * {@link #interceptor()}, and written to {@code decision_progress} by the reservation sweep ({@link DecisionWatermark}),
 * so the consumer thread never waits for the database for it.
 *
 * <p>Per record processed, only its timestamp is remembered. At the end of a poll cycle, at most once per
 * {@code otc.pools.decision-progress-interval}, the consumer asks the broker for the partitions' end offsets: a
 * partition whose position has reached its end offset is caught up and read through the time of that request (so an
 * idle partition keeps moving); one that is behind is read through the timestamp of its last processed record. At
 * the end of a cycle a failed record has already been sought back to, so the position never counts a decision still
 * being retried as read.
 */
@Component
public class DecisionProgress {

    private static final Logger log = LoggerFactory.getLogger(DecisionProgress.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);

    private final String topic = Topics.ROUTES_DECIDED.name();
    private final Clock clock;
    private final long intervalMs;
    private final Map<Integer, Long> lastProcessed = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> readThrough = new ConcurrentHashMap<>();
    private final ThreadLocal<long[]> nextCheck = ThreadLocal.withInitial(() -> new long[1]);
    private volatile int partitions;

    DecisionProgress(PoolProperties properties, Clock clock) {
        this.clock = clock;
        this.intervalMs = properties.decisionProgressInterval().toMillis();
    }

    /** For the decision listener's container only: notes processed records and checks progress after each poll. */
    public RecordInterceptor<Object, Object> interceptor() {
        return new ProgressInterceptor();
    }

    /** Read-through time per partition this instance has seen, as last checked. */
    public Map<Integer, Instant> readThrough() {
        return Map.copyOf(readThrough);
    }

    /** How many partitions the decision topic has, once the consumer has seen it. */
    public OptionalInt partitions() {
        int known = partitions;
        return known > 0 ? OptionalInt.of(known) : OptionalInt.empty();
    }

    public String topic() {
        return topic;
    }

    void processed(int partition, long timestamp) {
        if (timestamp >= 0) {
            lastProcessed.put(partition, timestamp);
        }
    }

    /** On the consumer thread, at the end of a poll cycle. Never throws: it runs in the container's loop. */
    void check(Consumer<?, ?> consumer) {
        long[] next = nextCheck.get();
        long nowMs = clock.millis();
        if (nowMs < next[0]) {
            return;
        }
        next[0] = nowMs + intervalMs;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_TIMEOUT);
            if (infos != null && !infos.isEmpty()) {
                partitions = infos.size();
            }
            Set<TopicPartition> owned = consumer.assignment().stream().filter(tp -> topic.equals(tp.topic()))
                    .collect(Collectors.toSet());
            if (owned.isEmpty()) {
                return;
            }
            Instant checkedAt = clock.instant();
            Map<TopicPartition, Long> ends = consumer.endOffsets(owned, BROKER_TIMEOUT);
            for (TopicPartition partition : owned) {
                Long end = ends.get(partition);
                long position = consumer.position(partition, BROKER_TIMEOUT);
                Long last = lastProcessed.get(partition.partition());
                Instant through = end != null && position >= end ? checkedAt
                        : last == null ? null : Instant.ofEpochMilli(last);
                if (through != null) {
                    readThrough.merge(partition.partition(), through, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        } catch (WakeupException stopping) {
            consumer.wakeup(); // meant for the container's poll: hand it on
        } catch (RuntimeException e) {
            log.debug("Could not check how far {} has been read: {}", topic, e.toString());
        }
    }

    private final class ProgressInterceptor implements RecordInterceptor<Object, Object> {

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                Consumer<Object, Object> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            processed(record.partition(), record.timestamp());
        }

        @Override
        public void clearThreadState(Consumer<?, ?> consumer) {
            check(consumer);
        }
    }
}
