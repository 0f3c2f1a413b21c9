package io.otcrouter.router.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What router-service does with the event contract. From it kafka-support declares the topics the router writes
 * (quote requests and decisions) and the dead-letter topics of the five its listeners read, and gives every listener
 * the one error rule: poison (undecodable, invalid) to {@code <topic>.DLT} at once, anything else (PostgreSQL down,
 * the broker away) retried with backoff until it succeeds. Every listener of the router, also the quote replies read
 * in a group of their own per instance, runs in Boot's container factory, which takes that error handler and the
 * trade-id interceptor. The prices are read by kafka-support's reference-price reader, which skips an unreadable
 * price instead of dead-lettering it, so the prices topic has no dead-letter topic here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("router-service", Topics.JUPITER_QUOTED, Topics.POOLS_QUOTED, Topics.TRADES_SETTLED,
                Topics.JUPITER_EXECUTED, Topics.POOLS_EXECUTED);
    }
}
