package io.otcrouter.kafka;

import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

import io.otcrouter.events.tracing.TradeIdRecordInterceptor;
import io.otcrouter.kafka.deadletter.ReplayTargetFilter;

/**
 * Kafka wiring for a service that declares its {@link EventTopics}: the topics it writes and the dead-letter topics
 * of those it reads (the broker does not auto-create topics), the error rule of {@link EventErrorHandling}, the
 * trade id in the logging context and the filter that keeps a replayed dead letter to the group that failed it.
 * Boot's listener container factory picks up the error handler, the interceptor and the filter (so does a factory
 * built with Boot's configurer); a service that builds its own factory otherwise sets them on it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(EventKafkaProperties.class)
@ConditionalOnBean(EventTopics.class)
public class EventKafkaAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics eventTopicDeclarations(EventTopics topics, EventKafkaProperties properties) {
        int partitions = properties.partitions();
        short replication = properties.replicationFactor();
        return new KafkaAdmin.NewTopics(Stream.concat(
                topics.written().stream().map(topic -> topic.newTopic(partitions, replication)),
                topics.consumed().stream().map(topic -> topic.newDeadLetterTopic(partitions, replication)))
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(DefaultErrorHandler.class)
    DefaultErrorHandler eventErrorHandler(KafkaOperations<?, ?> template, EventKafkaProperties properties) {
        return EventErrorHandling.errorHandler(template, properties.retryInitial(), properties.retryMax());
    }

    /** A replayed dead letter is processed again only by the consumer group that failed it. */
    @Bean
    @ConditionalOnMissingBean(RecordFilterStrategy.class)
    RecordFilterStrategy<Object, Object> replayTargetFilter() {
        return new ReplayTargetFilter();
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<Object, Object> tradeIdRecordInterceptor() {
        return new TradeIdRecordInterceptor();
    }
}
