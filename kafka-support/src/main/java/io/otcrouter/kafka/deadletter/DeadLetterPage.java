package io.otcrouter.kafka.deadletter;

import java.util.List;

/**
 * Records of one partition of a dead-letter topic, from offset {@code from}.
 *
 * @param next      the offset to ask for the next page from; equal to {@code endOffset} when this page is the last
 * @param endOffset the partition's end when the page was read
 */
public record DeadLetterPage(String topic, int partition, long from, long next, long endOffset,
        List<DeadLetterView> records) {
}
