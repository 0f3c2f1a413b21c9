package io.otcrouter.kafka.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

import io.otcrouter.events.catalog.Topic;

/**
 * One record of a {@code .DLT} as spring-kafka's {@code DeadLetterPublishingRecoverer} wrote it: the failed record's
 * key, value and headers, plus {@code kafka_dlt-*} headers saying where it came from and why it failed.
 *
 * @param record the dead letter, key and value as raw bytes so that a replay sends exactly what was received
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    /** Header of a replayed record: the dead letter it was replayed from, as {@code <dlt>/<partition>/<offset>}. */
    static final String REPLAYED_FROM_HEADER = "otc-replayed-from";
    /** Header of a replayed record: the consumer group that gave up on it, the only one to process it again. */
    static final String REPLAYED_FOR_GROUP_HEADER = "otc-replayed-for-group";
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";

    /** What names this dead letter among all others: {@code <dlt>/<partition>/<offset>}, the replay marker's key. */
    String id() {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The topic the record failed on; the dead-letter topic's name without its suffix if the header is missing. */
    String originalTopic() {
        return text(KafkaHeaders.DLT_ORIGINAL_TOPIC).orElseGet(() -> record.topic().endsWith(Topic.DEAD_LETTER_SUFFIX)
                ? record.topic().substring(0, record.topic().length() - Topic.DEAD_LETTER_SUFFIX.length())
                : record.topic());
    }

    /** The partition it failed on: the same as its dead letter's (see {@code DeadLetters}) unless the header says. */
    int originalPartition() {
        return bytes(KafkaHeaders.DLT_ORIGINAL_PARTITION).filter(b -> b.length == Integer.BYTES)
                .map(b -> ByteBuffer.wrap(b).getInt()).orElse(record.partition());
    }

    Optional<Long> originalOffset() {
        return longHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
    }

    Optional<Instant> originalTimestamp() {
        return longHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP).map(Instant::ofEpochMilli);
    }

    Optional<String> text(String header) {
        return bytes(header).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * The record as it is sent back: same key, value and partition, its original headers (the trade id among them)
     * without the dead-letter and earlier replay ones (a record that fails again gets fresh ones), where it was
     * replayed from and, when the dead letter says, for which consumer group ({@link ReplayTargetFilter}).
     */
    ProducerRecord<byte[], byte[]> replay() {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(REPLAYED_FROM_HEADER)
                    && !header.key().equals(REPLAYED_FOR_GROUP_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, id().getBytes(StandardCharsets.UTF_8));
        text(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).ifPresent(
                group -> headers.add(REPLAYED_FOR_GROUP_HEADER, group.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(replayTopic(), originalPartition(), record.key(), record.value(), headers);
    }

    /**
     * Where a replay goes: the topic this dead-letter topic belongs to, by its name, whatever a header claims — a
     * replay of {@code X.DLT} can only ever reach {@code X}.
     */
    String replayTopic() {
        return record.topic().endsWith(Topic.DEAD_LETTER_SUFFIX)
                ? record.topic().substring(0, record.topic().length() - Topic.DEAD_LETTER_SUFFIX.length())
                : originalTopic();
    }

    private Optional<Long> longHeader(String header) {
        return bytes(header).filter(b -> b.length == Long.BYTES).map(b -> ByteBuffer.wrap(b).getLong());
    }

    private Optional<byte[]> bytes(String header) {
        return Optional.ofNullable(record.headers().lastHeader(header)).map(Header::value);
    }
}
