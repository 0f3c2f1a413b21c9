package io.otcrouter.kafka.deadletter;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.support.KafkaHeaders;

import io.otcrouter.events.serde.AvroEventDeserializer;

/**
 * A dead letter as an operator reads it: where it is, where it came from, why it failed, and the event decoded
 * through the catalog's schemas; a value that does not decode is shown in base64 next to the reason.
 *
 * @param replayed whether it has been replayed already (a replay would publish nothing)
 */
public record DeadLetterView(String topic, int partition, long offset, Instant timestamp, String key, Origin original,
        Failure failure, String eventType, Map<String, Object> event, String payloadBase64, String decodeError,
        boolean replayed) {

    /** Where the record failed; {@code consumerGroup} is the group that gave up on it. */
    public record Origin(String topic, int partition, Long offset, Instant timestamp, String consumerGroup) {
    }

    /** What failed, from the exception headers: the exception, its cause's class and the message. */
    public record Failure(String exception, String cause, String message) {
    }

    static DeadLetterView of(DeadLetter letter, AvroEventDeserializer events, boolean replayed) {
        var record = letter.record();
        Origin origin = new Origin(letter.originalTopic(), letter.originalPartition(),
                letter.originalOffset().orElse(null), letter.originalTimestamp().orElse(null),
                letter.text(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null));
        Failure failure = new Failure(
                letter.text(KafkaHeaders.DLT_EXCEPTION_FQCN).or(() -> letter.text(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN))
                        .orElse(null),
                letter.text(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).orElse(null),
                letter.text(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                        .or(() -> letter.text(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)).orElse(null));
        Instant timestamp = Instant.ofEpochMilli(record.timestamp());
        try {
            SpecificRecord event = events.deserialize(origin.topic(), record.value());
            return new DeadLetterView(record.topic(), record.partition(), record.offset(), timestamp, letter.key(),
                    origin, failure, event == null ? null : event.getSchema().getFullName(),
                    event == null ? null : EventJson.of(event), null, event == null ? "no value" : null, replayed);
        } catch (SerializationException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause().getMessage();
            return new DeadLetterView(record.topic(), record.partition(), record.offset(), timestamp, letter.key(),
                    origin, failure, null, null, Base64.getEncoder().encodeToString(record.value()), reason, replayed);
        }
    }
}
