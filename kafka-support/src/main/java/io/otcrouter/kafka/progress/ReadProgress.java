package io.otcrouter.kafka.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * How far this instance's consumer has read some topics, per partition it owns: the time before which every record of
 * the partition has been processed. A service uses it to act on "nothing more will come" only when that is true of
 * what it has read, not merely of its clock: a record waiting unread in a backlog (behind an outage, a restart or a
 * slow consumer) holds the time back. Kept in memory by the consumer's own thread through the interceptor of its
 * listener container ({@link #recordInterceptor()} or {@link #batchInterceptor()}); a service that runs several
 * instances shares the times through its database.
 *
 * <p>Per record (or batch) processed successfully, only the record's timestamp is remembered. At the end of a poll
 * cycle, at most once per check interval, the consumer asks the broker for the partitions' end offsets: a partition
 * whose position has reached its end offset is caught up and read through the time of that request (so an idle
 * partition keeps moving); one that is behind is read through the timestamp of its last processed record. At the end
 * of a cycle a failed record has already been sought back to, so a record still being retried never counts as read.
 */
public class ReadProgress {

    private static final Logger log = LoggerFactory.getLogger(ReadProgress.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);

    private final Set<String> topics;
    private final Clock clock;
    private final long checkIntervalNanos;
    private final Map<TopicPartition, Long> lastProcessed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Instant> readThrough = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private final ThreadLocal<long[]> nextCheck = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});

    /**
     * @param topics        the topics whose progress is kept; records of other topics are ignored
     * @param checkInterval how often at most each consumer thread asks the broker where the partitions end
     * @param clock         the time a caught-up partition is read through
     */
    public ReadProgress(Collection<String> topics, Duration checkInterval, Clock clock) {
        this.topics = Set.copyOf(topics);
        this.clock = clock;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    /** For a record listener's container: notes processed records and checks progress after each poll. */
    public RecordInterceptor<Object, Object> recordInterceptor() {
        return new RecordProgressInterceptor();
    }

    /** For a batch listener's container: notes processed batches and checks progress after each poll. */
    public BatchInterceptor<Object, Object> batchInterceptor() {
        return new BatchProgressInterceptor();
    }

    public Set<String> topics() {
        return topics;
    }

    /** Read-through time per partition this instance has seen, as last checked. */
    public Map<TopicPartition, Instant> readThrough() {
        return Map.copyOf(readThrough);
    }

    /** Read-through time per partition of {@code topic} this instance has seen, as last checked. */
    public Map<Integer, Instant> readThrough(String topic) {
        return readThrough.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
    }

    /** How many partitions {@code topic} has, once the consumer has asked the broker. */
    public OptionalInt partitions(String topic) {
        Integer known = partitions.get(topic);
        return known != null && known > 0 ? OptionalInt.of(known) : OptionalInt.empty();
    }

    /** A record of {@code partition} with this timestamp was processed (timestamps below zero are unknown). */
    public void processed(TopicPartition partition, long timestamp) {
        if (timestamp >= 0 && topics.contains(partition.topic())) {
            lastProcessed.merge(partition, timestamp, Math::max);
        }
    }

    /** On the consumer thread, at the end of a poll cycle. Never throws: it runs in the container's loop. */
    public void check(Consumer<?, ?> consumer) {
        long[] next = nextCheck.get();
        long now = System.nanoTime();
        if (now - next[0] < 0) {
            return;
        }
        next[0] = now + checkIntervalNanos;
        try {
            // Every topic's partition count, also of a topic this instance owns no partition of: another instance
            // reads that one, and whoever decides from the shared progress needs to know how many rows to expect.
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_TIMEOUT);
                if (infos != null && !infos.isEmpty()) {
                    partitions.put(topic, infos.size());
                }
            }
            Set<TopicPartition> owned = consumer.assignment().stream().filter(tp -> topics.contains(tp.topic()))
                    .collect(Collectors.toSet());
            if (owned.isEmpty()) {
                return;
            }
            Instant checkedAt = clock.instant();
            Map<TopicPartition, Long> ends = consumer.endOffsets(owned, BROKER_TIMEOUT);
            for (TopicPartition partition : owned) {
                Long end = ends.get(partition);
                long position = consumer.position(partition, BROKER_TIMEOUT);
                Long last = lastProcessed.get(partition);
                Instant through = end != null && position >= end ? checkedAt
                        : last == null ? null : Instant.ofEpochMilli(last);
                if (through != null) {
                    readThrough.merge(partition, through, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        } catch (WakeupException stopping) {
            consumer.wakeup(); // meant for the container's poll: hand it on
        } catch (RuntimeException e) {
            log.debug("Could not check how far {} has been read: {}", topics, e.toString());
        }
    }

    /** Forces the next {@link #check} to ask the broker whatever the interval (tests). */
    void checkNow() {
        nextCheck.get()[0] = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    }

    private final class RecordProgressInterceptor implements RecordInterceptor<Object, Object> {

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                Consumer<Object, Object> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            processed(new TopicPartition(record.topic(), record.partition()), record.timestamp());
        }

        @Override
        public void clearThreadState(Consumer<?, ?> consumer) {
            check(consumer);
        }
    }

    private final class BatchProgressInterceptor implements BatchInterceptor<Object, Object> {

        @Override
        public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                Consumer<Object, Object> consumer) {
            return records;
        }

        @Override
        public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
            records.forEach(record -> processed(new TopicPartition(record.topic(), record.partition()),
                    record.timestamp()));
        }

        @Override
        public void clearThreadState(Consumer<?, ?> consumer) {
            check(consumer);
        }
    }
}
