package io.otcrouter.quote.config;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.kafka.EventKafkaProperties;
import io.otcrouter.quote.execution.LegExecutionProperties;

/**
 * The Kafka transactions DEX legs are executed in: a transactional producer used only for {@code LegExecuted} (and
 * the dead letters of route decisions), and the listener container factory of the route-decision listener, which runs
 * each poll in a transaction of that producer and sends the poll's offsets to it.
 *
 * <p>These producer beans are not default candidates: everything else of the service (answers, kafka-support's dead
 * letters) keeps Boot's plain idempotent producer, and is found by type as before.
 *
 * <p>Failures follow kafka-support's rule, in the form a transaction needs. Poison (undecodable, invalid) is sent to
 * the {@code .DLT} by the listener inside the poll's transaction. Anything else aborts the transaction, and the
 * after-rollback processor seeks the poll back and waits with the same exponential backoff before it is redelivered,
 * until it succeeds. kafka-support's {@code DefaultErrorHandler} is deliberately not set here: it would retry the poll
 * inside the still-open transaction, so the sends of a failed attempt would commit with those of the next one.
 */
@Configuration(proxyBeanMethods = false)
public class LegExecutionKafka {

    public static final String CONTAINER_FACTORY = "legExecutionListenerContainerFactory";
    public static final String TEMPLATE = "legExecutionKafkaTemplate";
    public static final String DEAD_LETTERS = "legExecutionDeadLetters";
    static final String PRODUCER_FACTORY = "legExecutionProducerFactory";
    static final String TRANSACTION_MANAGER = "legExecutionTransactionManager";

    @Bean(name = PRODUCER_FACTORY, defaultCandidate = false)
    DefaultKafkaProducerFactory<String, Object> legExecutionProducerFactory(KafkaProperties kafka,
            LegExecutionProperties execution) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) execution.transactionTimeout().toMillis());
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setTransactionIdPrefix(execution.transactionIdPrefix());
        return factory;
    }

    @Bean(name = TEMPLATE, defaultCandidate = false)
    KafkaTemplate<String, Object> legExecutionKafkaTemplate(
            @Qualifier(PRODUCER_FACTORY) ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean(name = TRANSACTION_MANAGER, defaultCandidate = false)
    KafkaTransactionManager<String, Object> legExecutionTransactionManager(
            @Qualifier(PRODUCER_FACTORY) ProducerFactory<String, Object> producerFactory) {
        KafkaTransactionManager<String, Object> manager = new KafkaTransactionManager<>(producerFactory);
        // off by default in spring-kafka; on, a leg is counted in the metrics only once its transaction commits
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
        return manager;
    }

    /** Same partition of {@code <topic>.DLT}, sent in the transaction of the poll that found the poison. */
    @Bean(name = DEAD_LETTERS, defaultCandidate = false)
    DeadLetterPublishingRecoverer legExecutionDeadLetters(@Qualifier(TEMPLATE) KafkaTemplate<String, Object> template) {
        return new DeadLetterPublishingRecoverer(template, (failed, cause) -> DeadLetters.partitionFor(failed));
    }

    /**
     * Boot's listener settings, then: batch listener, one consumer per partition (a slow poll holds up only its own
     * partition), each poll in a transaction, offsets sent to it after every poll, and a pause of
     * {@link LegExecutionProperties#batchWait()} between polls so that a transaction carries many decisions under load.
     */
    @Bean(name = CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> legExecutionListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            @Qualifier(TRANSACTION_MANAGER) KafkaTransactionManager<String, Object> transactions,
            EventKafkaProperties retries, LegExecutionProperties execution) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(null);
        factory.setBatchListener(true);
        factory.setConcurrency(retries.partitions());
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.getContainerProperties().setKafkaAwareTransactionManager(transactions);
        factory.getContainerProperties().setIdleBetweenPolls(execution.batchWait().toMillis());
        ExponentialBackOff backOff = new ExponentialBackOff(retries.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(retries.retryMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
        return factory;
    }
}
