package io.otcrouter.dashboard.feed;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Points a listener's newly assigned partitions at the offsets its projection expects next: after a restored snapshot
 * the lowest offset its windows held, after a rebalance the record after the last one applied. A partition the
 * projection knows nothing of starts from the consumer's reset policy (earliest). The projections also drop any
 * record before the offset they expect, so a seek that did not happen costs reading, never a wrong figure.
 */
final class ResumePositions {

    private ResumePositions() {
    }

    static void seek(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback,
            IntFunction<OptionalLong> expected) {
        assignments.keySet().forEach(partition -> expected.apply(partition.partition())
                .ifPresent(offset -> callback.seek(partition.topic(), partition.partition(), offset)));
    }
}
