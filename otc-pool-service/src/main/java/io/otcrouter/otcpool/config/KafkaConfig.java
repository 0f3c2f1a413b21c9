package io.otcrouter.otcpool.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What otc-pool-service does with the event contract. From it kafka-support declares the topics this service writes
 * (the catalog names it their only writer) and the dead-letter topics of the three it reads, and gives every listener
 * the one error rule: poison (undecodable, or failing validation with {@code InvalidEventException}) to
 * {@code <topic>.DLT} at once; anything else, such as PostgreSQL being unreachable, retried with backoff until it
 * succeeds while the partition waits. It also puts the trade id of the record in the logging context, so the quotes
 * and rejections sent from a listener thread carry it in their header.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("otc-pool-service", Topics.PRICES_UPDATED, Topics.QUOTES_REQUESTED,
                Topics.ROUTES_DECIDED);
    }
}
