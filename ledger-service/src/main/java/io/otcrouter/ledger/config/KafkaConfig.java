package io.otcrouter.ledger.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * What ledger-service does with the event contract. From it kafka-support declares the topic the ledger writes
 * (trades settled, kept forever) and the dead-letter topics of the three it reads, and gives the listeners the one
 * error rule: a record that can never be booked (undecodable, another type, or failing {@code EventChecks}) goes to
 * its {@code .DLT} at once, named by the batch listener as the failed record of its batch; any other failure, such as
 * PostgreSQL being unreachable, has the batch retried with backoff until it succeeds while the partition waits.
 *
 * <p>The trade-id record interceptor kafka-support installs never runs here: every listener is a batch listener,
 * which a record interceptor does not see; the trade id gets into the logs through {@code Booking} instead.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of("ledger-service", Topics.ROUTES_DECIDED, Topics.JUPITER_EXECUTED,
                Topics.POOLS_EXECUTED);
    }
}
