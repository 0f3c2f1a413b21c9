package io.otcrouter.loadgen;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** How the load generator's readers start: at the first record of the run on every partition they read. */
final class PartitionsFromTime {

    private static final Duration ASK = Duration.ofSeconds(30);

    private PartitionsFromTime() {
    }

    /**
     * Assigns {@code partitions} to {@code consumer} and seeks each to its first record at or after
     * {@code fromEpochMillis}, or to its end when it has none.
     *
     * @return each partition's end offset as of now (with read_committed, its last stable offset)
     */
    static Map<TopicPartition, Long> assignFrom(Consumer<?, ?> consumer, List<TopicPartition> partitions,
            long fromEpochMillis) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, fromEpochMillis));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, ASK);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, ASK);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            consumer.seek(partition, start != null ? start.offset() : ends.get(partition));
        }
        return ends;
    }
}
