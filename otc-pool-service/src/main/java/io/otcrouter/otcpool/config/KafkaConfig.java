package io.otcrouter.otcpool.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;
import io.otcrouter.otcpool.watermark.DecisionProgress;

/**
 * What otc-pool-service does with the event contract. From it kafka-support declares the topics this service writes
 * (the catalog names it their only writer) and the dead-letter topics of the two its listeners read, and gives every
 * listener the one error rule: poison (undecodable, or failing validation with {@code InvalidEventException}) to
 * {@code <topic>.DLT} at once; anything else, such as PostgreSQL being unreachable, retried with backoff until it
 * succeeds while the partition waits. It also puts the trade id of the record in the logging context, so the quotes
 * and rejections sent from a listener thread carry it in their header. The prices are read by kafka-support's
 * reference-price reader, which skips an unreadable price instead of dead-lettering it, so the prices topic has no
 * dead-letter topic here.
 *
 * <p>The routing-decision listener has a factory of its own, configured by Boot exactly as the default one (the same
 * error handler, filter and interceptor), plus the interceptor that tracks how far the decision topic has been read
 * ({@link DecisionProgress}), which the reservation sweep needs.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** The container factory of the routing-decision listener. */
    public static final String DECISION_LISTENER_FACTORY = "decisionListenerContainerFactory";

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("otc-pool-service", Topics.QUOTES_REQUESTED, Topics.ROUTES_DECIDED);
    }

    @Bean(DECISION_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> decisionListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory,
            ObjectProvider<RecordInterceptor<Object, Object>> interceptors, DecisionProgress progress) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        RecordInterceptor<Object, Object> common = interceptors.getIfUnique();
        factory.setRecordInterceptor(common == null ? progress.recordInterceptor()
                : new CompositeRecordInterceptor<>(common, progress.recordInterceptor()));
        return factory;
    }
}
