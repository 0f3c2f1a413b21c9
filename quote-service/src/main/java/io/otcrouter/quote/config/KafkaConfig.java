package io.otcrouter.quote.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What quote-service does with the event contract. From it kafka-support declares the topics quote-service writes
 * (the catalog names it the writer of {@code JUPITER_QUOTED} and {@code JUPITER_EXECUTED}) and the dead-letter topics
 * of the two its listeners read, and gives every listener the one error rule: poison (undecodable, invalid) to
 * {@code <topic>.DLT} at once, anything else retried with backoff until it succeeds. The batch listeners name the
 * failed record of a poll ({@code RecordBatch}), so only that record is retried or dead-lettered. The prices are
 * read by kafka-support's reference-price reader, which skips an unreadable price instead of dead-lettering it, so
 * the prices topic has no dead-letter topic here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("quote-service", Topics.QUOTES_REQUESTED, Topics.ROUTES_DECIDED);
    }
}
