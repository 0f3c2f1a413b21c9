package io.otcrouter.kafka.deadletter;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.kafka.EventTopics;

/**
 * Reads the dead-letter topics of the topics this service consumes — and only those: a service answers for the
 * dead letters of what it reads. Several services reading one topic share its {@code .DLT}, so each of them sees
 * every dead letter of that topic (the original consumer group in each record says which one gave up).
 */
final class DeadLetterReader {

    private final List<String> deadLetterTopics;
    private final DeadLetterKafka kafka;
    private final AvroEventDeserializer events = new AvroEventDeserializer();

    DeadLetterReader(EventTopics topics, DeadLetterKafka kafka) {
        this.deadLetterTopics = topics.consumed().stream().map(Topic::deadLetterTopic).toList();
        this.kafka = kafka;
    }

    List<DeadLetterTopicView> topics() {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            return deadLetterTopics.stream().map(topic -> describe(consumer, topic)).toList();
        }
    }

    DeadLetterTopicView topic(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            return describe(consumer, known(topic));
        }
    }

    /** Up to {@code limit} records of a partition from offset {@code from} (its beginning when null). */
    DeadLetterPage page(String topic, int partition, Long from, int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            TopicPartition tp = partition(consumer, topic, partition);
            long beginning = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long start = Math.min(Math.max(from == null ? beginning : from, beginning), end);
            List<ConsumerRecord<byte[], byte[]>> records = kafka.read(consumer, tp, start, end, limit);
            long next = records.size() < limit ? end : records.get(records.size() - 1).offset() + 1;
            Set<String> replayed = ReplayMarkers.load(kafka);
            List<DeadLetterView> views = records.stream().map(DeadLetter::new)
                    .map(letter -> DeadLetterView.of(letter, events, replayed.contains(letter.id()))).toList();
            return new DeadLetterPage(topic, partition, start, next, end, views);
        }
    }

    DeadLetterView view(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            DeadLetter letter = find(consumer, topic, partition, offset);
            return DeadLetterView.of(letter, events, ReplayMarkers.load(kafka).contains(letter.id()));
        }
    }

    DeadLetter find(KafkaConsumer<byte[], byte[]> consumer, String topic, int partition, long offset) {
        TopicPartition tp = partition(consumer, topic, partition);
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        if (offset < consumer.beginningOffsets(List.of(tp)).get(tp) || offset >= end) {
            throw new NoSuchDeadLetterException("No record at offset " + offset + " of " + tp);
        }
        return kafka.read(consumer, tp, offset, offset + 1, 1).stream().map(DeadLetter::new).findFirst()
                .orElseThrow(() -> new NoSuchDeadLetterException("No record at offset " + offset + " of " + tp
                        + " (a transaction marker, or not committed)"));
    }

    /** The partitions of a dead-letter topic this service reads, with their offsets now. */
    List<DeadLetterTopicView.PartitionView> ranges(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, known(topic));
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().map(tp -> new DeadLetterTopicView.PartitionView(tp.partition(), beginnings.get(tp),
                ends.get(tp), ends.get(tp) - beginnings.get(tp))).toList();
    }

    private DeadLetterTopicView describe(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<DeadLetterTopicView.PartitionView> partitions = ranges(consumer, topic);
        long records = partitions.stream().mapToLong(DeadLetterTopicView.PartitionView::records).sum();
        return new DeadLetterTopicView(topic,
                topic.substring(0, topic.length() - Topic.DEAD_LETTER_SUFFIX.length()), records, partitions);
    }

    /** The partition, assigned to {@code consumer} (a read-committed consumer asks offsets of its own only). */
    private TopicPartition partition(KafkaConsumer<byte[], byte[]> consumer, String topic, int partition) {
        TopicPartition found = partitions(consumer, known(topic)).stream().filter(tp -> tp.partition() == partition)
                .findFirst().orElseThrow(() -> new NoSuchDeadLetterException(topic + " has no partition " + partition));
        consumer.assign(List.of(found));
        return found;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(PartitionInfo::partition).sorted()
                .map(partition -> new TopicPartition(topic, partition)).toList();
    }

    private String known(String topic) {
        if (!deadLetterTopics.contains(topic)) {
            throw new NoSuchDeadLetterException(topic + " is not a dead-letter topic of this service; it reads "
                    + deadLetterTopics);
        }
        return topic;
    }
}
