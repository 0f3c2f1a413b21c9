package io.otcrouter.quote.config;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.FixedBackOff;

import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tracing.TradeIdRecordInterceptor;

/**
 * Declares the topics quote-service writes (the broker does not auto-create topics) and the dead-letter topics
 * of those it consumes, and the one error handler of every listener: two retries 200 ms apart, then the record
 * goes to {@code <topic>.DLT}, same partition. Records that cannot be deserialized or fail validation skip the
 * retries. The batch listeners name the failed record of a batch ({@code RecordBatch}), so only that record is
 * retried or dead-lettered and the records before it count as done (a later timed commit may still redeliver them
 * once; the listeners are idempotent).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Topics this service consumes, whose dead letters it owns. */
    static final List<Topic<?>> CONSUMED = List.of(Topics.PRICES_UPDATED, Topics.QUOTES_REQUESTED,
            Topics.ROUTES_DECIDED);
    private static final long RETRY_INTERVAL_MS = 200;
    private static final long RETRY_ATTEMPTS = 2;

    @Bean
    KafkaAdmin.NewTopics quoteServiceTopics(KafkaTopicProperties properties) {
        Stream<NewTopic> written = Stream.of(Topics.JUPITER_QUOTED, Topics.JUPITER_EXECUTED)
                .map(topic -> topic.newTopic(properties.partitions(), properties.replicationFactor()));
        Stream<NewTopic> deadLetters = CONSUMED.stream()
                .map(topic -> topic.newDeadLetterTopic(properties.partitions(), properties.replicationFactor()));
        return new KafkaAdmin.NewTopics(Stream.concat(written, deadLetters).toArray(NewTopic[]::new));
    }

    /**
     * spring-kafka 4 names dead-letter topics {@code <topic>-dlt} by default; the contract says
     * {@code <topic>.DLT}, so the destination is given explicitly (same partition as the failed record).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> kafkaTemplate) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (failed, cause) -> DeadLetters.partitionFor(failed));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(RETRY_INTERVAL_MS, RETRY_ATTEMPTS));
        // An event that fails validation (e.g. a non-positive amount) fails the same way on every attempt.
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    /**
     * Puts the trade id of the record being handled into the logging context; Boot installs it on the listener
     * container factory. Only record listeners (prices) see it: the batch listeners set the id per record
     * themselves ({@code RecordBatch}), so the answers and legs they send inherit it in their otc-trade-id header.
     */
    @Bean
    RecordInterceptor<Object, Object> tradeIdRecordInterceptor() {
        return new TradeIdRecordInterceptor();
    }
}
