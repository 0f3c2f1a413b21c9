package io.otcrouter.router.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What router-service does with the event contract. From it kafka-support declares the topics the router writes
 * (quote requests and decisions) and the dead-letter topics of the six it reads, and gives every listener the one
 * error rule: poison (undecodable, invalid) to {@code <topic>.DLT} at once, anything else (PostgreSQL down, the
 * broker away) retried with backoff until it succeeds. Every listener of the router, also those reading in a group
 * of their own per instance (quote replies, prices), runs in Boot's container factory, which takes that error
 * handler and the trade-id interceptor.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("router-service", Topics.JUPITER_QUOTED, Topics.POOLS_QUOTED, Topics.PRICES_UPDATED,
                Topics.TRADES_SETTLED, Topics.JUPITER_EXECUTED, Topics.POOLS_EXECUTED);
    }
}
