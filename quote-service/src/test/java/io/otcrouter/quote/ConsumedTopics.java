package io.otcrouter.quote;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import io.otcrouter.events.catalog.Topics;

/**
 * Declares, in tests, the topics quote-service reads but other services own, as their writers would, so the
 * listeners find them at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConsumedTopics {

    @Bean
    KafkaAdmin.NewTopics topicsOfOtherServices() {
        short replication = 1;
        return new KafkaAdmin.NewTopics(Topics.PRICES_UPDATED.newTopic(1, replication),
                Topics.QUOTES_REQUESTED.newTopic(1, replication), Topics.ROUTES_DECIDED.newTopic(1, replication));
    }
}
