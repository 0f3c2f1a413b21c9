package io.otcrouter.otcpool.config;

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
 * Declares the topics this service writes (it is their only writer) and the dead-letter topics of the ones it
 * consumes, and the one error handler of every listener: a bounded retry, then the record goes to
 * {@code <topic>.DLT} on the same partition. Deserialization failures are not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    static final String WRITER = "otc-pool-service";

    @Bean
    KafkaAdmin.NewTopics otcPoolTopics(OtcKafkaProperties properties) {
        int partitions = properties.partitions();
        short replication = properties.replicationFactor();
        NewTopic[] written = Topics.writtenBy(WRITER).stream()
                .map(topic -> topic.newTopic(partitions, replication))
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(written);
    }

    @Bean
    KafkaAdmin.NewTopics otcPoolDeadLetterTopics(OtcKafkaProperties properties) {
        int partitions = properties.partitions();
        short replication = properties.replicationFactor();
        NewTopic[] deadLetters = new NewTopic[] {
                deadLetter(Topics.PRICES_UPDATED, partitions, replication),
                deadLetter(Topics.QUOTES_REQUESTED, partitions, replication),
                deadLetter(Topics.ROUTES_DECIDED, partitions, replication) };
        return new KafkaAdmin.NewTopics(deadLetters);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> kafkaTemplate) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (failed, cause) -> DeadLetters.partitionFor(failed));
        // Two quick retries for transient trouble (e.g. the database restarting), then the dead-letter topic.
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
    }

    /**
     * Boot installs it on the listener container factory: while a listener handles a record of a trade, the trade
     * id is in the logging context, and the quotes and rejections sent from that thread carry it in their header.
     */
    @Bean
    RecordInterceptor<Object, Object> tradeIdRecordInterceptor() {
        return new TradeIdRecordInterceptor();
    }

    private static NewTopic deadLetter(Topic<?> topic, int partitions, short replication) {
        return topic.newDeadLetterTopic(partitions, replication);
    }
}
