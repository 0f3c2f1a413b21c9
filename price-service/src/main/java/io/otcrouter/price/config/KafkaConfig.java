package io.otcrouter.price.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.otcrouter.events.catalog.Topics;

/**
 * Declares the one topic this service writes. price-service consumes nothing, so it has no listener, no
 * dead-letter topic and no error handler.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic pricesUpdatedTopic(KafkaTopicProperties properties) {
        return Topics.PRICES_UPDATED.newTopic(properties.partitions(), properties.replicationFactor());
    }

    @Bean
    KafkaTopicDeclaration kafkaTopicDeclaration(KafkaAdmin admin) {
        return new KafkaTopicDeclaration(admin);
    }
}
