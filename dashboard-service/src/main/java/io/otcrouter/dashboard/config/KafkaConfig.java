package io.otcrouter.dashboard.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.FixedBackOff;

import io.otcrouter.dashboard.feed.AppliedEvents;
import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.events.tracing.TradeIdRecordInterceptor;

/**
 * Kafka wiring: the dead-letter topics of every consumed topic and the one error handler of the service.
 * The dashboard writes no event topic, so it declares no other topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicProperties.class)
class KafkaConfig {

    /** The topics the read model is projected from. */
    private static final long RETRY_INTERVAL_MS = 200;
    private static final long RETRY_ATTEMPTS = 2;

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(KafkaTopicProperties properties) {
        return new KafkaAdmin.NewTopics(AppliedEvents.PROJECTED.stream()
                .map(topic -> topic.newDeadLetterTopic(properties.partitions(), properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    /**
     * Retries a failing record briefly, then parks it on {@code <topic>.DLT} (same partition) so one bad record
     * never blocks the projection. Deserialization failures are not retried: they go straight to the DLT.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate) {
        return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafkaTemplate,
                (failed, cause) -> DeadLetters.partitionFor(failed)),
                new FixedBackOff(RETRY_INTERVAL_MS, RETRY_ATTEMPTS));
    }

    /**
     * Puts the trade id of the record being projected into the logging context; Boot installs it on the listener
     * container factory. Price and pool records belong to no trade, so their lines carry an empty id.
     */
    @Bean
    RecordInterceptor<Object, Object> tradeIdRecordInterceptor() {
        return new TradeIdRecordInterceptor();
    }
}
