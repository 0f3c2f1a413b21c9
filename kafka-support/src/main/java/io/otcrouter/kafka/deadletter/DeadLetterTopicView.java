package io.otcrouter.kafka.deadletter;

import java.util.List;

/**
 * A dead-letter topic this service reads the main topic of, partition by partition.
 *
 * @param topic         the {@code .DLT}
 * @param originalTopic the topic whose failed records it holds (replays go back there)
 * @param records       records held, counted as offsets (a transaction marker counts too, so it can be a little high)
 */
public record DeadLetterTopicView(String topic, String originalTopic, long records, List<PartitionView> partitions) {

    /** One partition: from {@code beginningOffset} (the oldest record kept) up to, not including, {@code endOffset}. */
    public record PartitionView(int partition, long beginningOffset, long endOffset, long records) {
    }
}
