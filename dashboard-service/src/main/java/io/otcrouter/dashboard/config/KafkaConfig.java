package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.feed.AppliedEvents;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.kafka.EventTopics;

/**
 * What dashboard-service does with the event contract: it writes no event topic and reads the four the read model
 * is projected from. From it kafka-support declares their dead-letter topics and gives every listener the one error
 * rule: poison (undecodable, invalid) to {@code <topic>.DLT} at once, anything else retried with backoff until it
 * succeeds, and the trade id of each record in the logging context (empty for prices and pools). The read model's
 * own snapshot topic is not part of the contract: {@code SnapshotConfig} declares it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("dashboard-service", AppliedEvents.PROJECTED.toArray(Topic<?>[]::new));
    }
}
