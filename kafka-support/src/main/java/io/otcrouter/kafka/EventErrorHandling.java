package io.otcrouter.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import io.otcrouter.events.catalog.DeadLetters;

/**
 * The one rule for a record a listener could not process. A record that can never succeed — it cannot be decoded,
 * or fails validation ({@link IllegalArgumentException}, {@link InvalidEventException}) — goes to the same partition
 * of {@code <topic>.DLT} at once, and the partition moves on. Anything else is taken to be a dependency that is
 * briefly down (PostgreSQL, the broker, another service): the record is tried again, with exponential backoff up to
 * {@code retryMax}, until it succeeds. Its partition waits meanwhile and no offset past it is committed, so a
 * database outage delays money events but never dead-letters them or reorders a trade's events. A defect that fails
 * every time therefore stops its partition, loudly (every retry is logged), rather than silently discarding money
 * events: fix and redeploy, or replay.
 */
public final class EventErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(EventErrorHandling.class);

    /** Failures that no retry can cure, beyond spring-kafka's own (deserialization, conversion, class cast). */
    static final List<Class<? extends Exception>> POISON = List.of(IllegalArgumentException.class,
            InvalidEventException.class);

    private EventErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Duration retryInitial, Duration retryMax) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (failed, cause) -> DeadLetters.partitionFor(failed));
        ExponentialBackOff backOff = new ExponentialBackOff(retryInitial.toMillis(), 2.0);
        backOff.setMaxInterval(retryMax.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        POISON.forEach(handler::addNotRetryableExceptions);
        handler.setRetryListeners(new LoggingRetryListener());
        return handler;
    }

    /**
     * One WARN line per failed attempt with the record's coordinates (never its value), for record and batch
     * listeners alike; one ERROR line when a record goes to its dead-letter topic.
     */
    private static final class LoggingRetryListener implements RetryListener {
        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            log.warn("{}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(), record.offset(), attempt,
                    rootMessage(failure));
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
            log.warn("A batch of {} record(s) from {} failed (attempt {}): {}", records.count(), records.partitions(),
                    attempt, rootMessage(failure));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
            log.error("{}-{}@{} can never be processed, sent to its dead-letter topic: {}", record.topic(),
                    record.partition(), record.offset(), rootMessage(failure));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
