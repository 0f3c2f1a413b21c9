package io.otcrouter.price.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.otcrouter.kafka.EventTopics;

/**
 * price-service writes the prices topic and reads nothing: kafka-support declares the topic from the catalog
 * ({@code otc.kafka.partitions}, {@code otc.kafka.replication-factor}); {@link KafkaTopicDeclaration} declares it
 * again before each refresh round while the broker has not confirmed it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("price-service");
    }

    @Bean
    KafkaTopicDeclaration kafkaTopicDeclaration(KafkaAdmin admin) {
        return new KafkaTopicDeclaration(admin);
    }
}
