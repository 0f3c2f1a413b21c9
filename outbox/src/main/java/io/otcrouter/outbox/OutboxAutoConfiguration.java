package io.otcrouter.outbox;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox in every service that has this module: {@link Outbox} to append, {@link OutboxRelay} (unless
 * {@code otc.outbox.relay-enabled=false}), {@link OutboxCleaner} and {@link OutboxPendingGauge}. The package is added
 * to the service's entity and repository scan; the cleaner and the gauge need the service's {@code @EnableScheduling}.
 * The service supplies the table in its schema and the id generator (see {@link OutboxMessage}).
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@AutoConfigurationPackage
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "otc.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxRepository repository, KafkaTemplate<String, Object> kafka,
            PlatformTransactionManager transactions, OutboxProperties properties, ObjectProvider<Clock> clock) {
        return new OutboxRelay(repository, kafka, new TransactionTemplate(transactions), properties,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Outbox outbox(OutboxRepository repository, ObjectProvider<Clock> clock, ObjectProvider<OutboxRelay> relay) {
        OutboxRelay relaying = relay.getIfAvailable();
        Runnable afterCommit = relaying == null ? () -> { } : relaying::wake;
        return new Outbox(repository, clock.getIfAvailable(Clock::systemUTC), afterCommit);
    }

    @Bean
    OutboxCleaner outboxCleaner(OutboxRepository repository, PlatformTransactionManager transactions,
            OutboxProperties properties, ObjectProvider<Clock> clock, MeterRegistry registry) {
        return new OutboxCleaner(repository, new TransactionTemplate(transactions), properties.retention(),
                clock.getIfAvailable(Clock::systemUTC), registry);
    }

    @Bean
    OutboxPendingGauge outboxPendingGauge(OutboxRepository repository, MeterRegistry registry) {
        return new OutboxPendingGauge(repository, registry);
    }
}
