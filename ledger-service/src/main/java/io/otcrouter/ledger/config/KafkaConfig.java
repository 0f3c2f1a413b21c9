package io.otcrouter.ledger.config;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;
import io.otcrouter.kafka.progress.ReadProgress;
import io.otcrouter.ledger.booking.BookingProperties;

/**
 * What ledger-service does with the event contract. From it kafka-support declares the topic the ledger writes
 * (trades settled, kept forever) and the dead-letter topics of the three it reads, and gives the listeners the one
 * error rule: a record that can never be booked (undecodable, another type, or failing {@code EventChecks}) goes to
 * its {@code .DLT} at once, named by the batch listener as the failed record of its batch; any other failure, such as
 * PostgreSQL being unreachable, has the batch retried with backoff until it succeeds while the partition waits.
 *
 * <p>The leg-execution listener's container also keeps how far it has read its two topics ({@link ReadProgress}), for
 * the settle-timeout sweep ({@code LegWatermark}).
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

    @Bean
    ReadProgress legProgress(BookingProperties properties, Clock clock) {
        return new ReadProgress(List.of(Topics.JUPITER_EXECUTED.name(), Topics.POOLS_EXECUTED.name()),
                properties.legProgressInterval(), clock);
    }

    /** Named by the leg-execution listener ({@code containerPostProcessor}): only its container keeps the progress. */
    @Bean
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> legProgressTracking(
            ReadProgress legProgress) {
        return container -> container.setBatchInterceptor(legProgress.batchInterceptor());
    }
}
