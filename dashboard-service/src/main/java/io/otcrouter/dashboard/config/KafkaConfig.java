package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What dashboard-service does with the event contract: it writes no event topic and its listeners read three of the
 * four the read model is projected from. From it kafka-support declares their dead-letter topics and gives every
 * listener the one error rule: poison (undecodable, invalid) to {@code <topic>.DLT} at once, anything else retried
 * with backoff until it succeeds, and the trade id of each record in the logging context (empty for pools). The
 * fourth, the prices, is read by kafka-support's reference-price reader, which skips an unreadable price instead of
 * dead-lettering it, so it has no dead-letter topic here. The read model's own snapshot topic is not part of the
 * contract: {@code SnapshotConfig} declares it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("dashboard-service", Topics.ROUTES_DECIDED, Topics.TRADES_SETTLED, Topics.POOLS_CHANGED);
    }
}
