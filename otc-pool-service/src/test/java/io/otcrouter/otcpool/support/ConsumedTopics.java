package io.otcrouter.otcpool.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import io.otcrouter.events.catalog.Topics;

/** The topics other services write; in production their writers declare them. */
@TestConfiguration(proxyBeanMethods = false)
public class ConsumedTopics {

    @Bean
    KafkaAdmin.NewTopics consumedTopics() {
        return new KafkaAdmin.NewTopics(Topics.PRICES_UPDATED.newTopic(1, (short) 1),
                Topics.QUOTES_REQUESTED.newTopic(1, (short) 1), Topics.ROUTES_DECIDED.newTopic(1, (short) 1));
    }
}
