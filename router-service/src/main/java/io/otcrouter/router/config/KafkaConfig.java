package io.otcrouter.router.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.FixedBackOff;

import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tracing.TradeIdRecordInterceptor;

/**
 * The topics router-service writes, the dead-letter topics of those it reads, its one error policy, and the trade id
 * of each record in the logging context.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    static final String SERVICE = "router-service";

    @Bean
    KafkaAdmin.NewTopics routerTopics(RouterProperties properties) {
        int partitions = properties.partitions();
        short replication = properties.replicationFactor();
        var topics = new java.util.ArrayList<NewTopic>();
        Topics.writtenBy(SERVICE).forEach(topic -> topics.add(topic.newTopic(partitions, replication)));
        for (Topic<?> consumed : new Topic<?>[] {Topics.JUPITER_QUOTED, Topics.POOLS_QUOTED, Topics.PRICES_UPDATED,
                Topics.TRADES_SETTLED, Topics.JUPITER_EXECUTED, Topics.POOLS_EXECUTED}) {
            topics.add(consumed.newDeadLetterTopic(partitions, replication));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Bad records go straight to {@code <topic>.DLT}; other failures are retried twice, then dead-lettered. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> template) {
        var recoverer = new DeadLetterPublishingRecoverer(template, (failed, cause) -> DeadLetters.partitionFor(failed));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200, 2));
    }

    /** Puts the trade id of the record being handled into the logging context; Boot installs it on every listener. */
    @Bean
    RecordInterceptor<Object, Object> tradeIdRecordInterceptor() {
        return new TradeIdRecordInterceptor();
    }

}
