package io.otcrouter.ledger.config;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * Declares the topic this service writes (trades settled, kept forever) and the dead-letter topics of the topics it
 * consumes; a record that still fails after a short bounded retry goes to the same partition of its {@code .DLT}.
 *
 * <p>No {@code TradeIdRecordInterceptor} bean: every listener here is a batch listener, which a record interceptor
 * never sees; the trade id gets into the logs through {@code Booking} instead (see {@code BookingListener}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    static final List<Topic<?>> CONSUMED = List.of(Topics.ROUTES_DECIDED, Topics.JUPITER_EXECUTED,
            Topics.POOLS_EXECUTED);

    @Bean
    KafkaAdmin.NewTopics ledgerTopics(KafkaTopicProperties properties) {
        List<NewTopic> written = Topics.writtenBy("ledger-service").stream()
                .map(topic -> topic.newTopic(properties.partitions(), properties.replicationFactor()))
                .toList();
        List<NewTopic> deadLetters = CONSUMED.stream()
                .map(topic -> topic.newDeadLetterTopic(properties.partitions(), properties.replicationFactor()))
                .toList();
        return new KafkaAdmin.NewTopics(
                Stream.concat(written.stream(), deadLetters.stream()).toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> kafkaTemplate) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (failed, cause) -> DeadLetters.partitionFor(failed));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
    }
}
