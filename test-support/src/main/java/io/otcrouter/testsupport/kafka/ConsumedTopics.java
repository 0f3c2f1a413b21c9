package io.otcrouter.testsupport.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;
import io.otcrouter.kafka.prices.ReferencePrices;

/**
 * Declares, in a service's tests, the topics it reads but other services write, as their writers would in production
 * (the broker does not create topics on first use): those its {@link EventTopics} names, and the prices topic when the
 * service keeps {@link ReferencePrices}. One partition each, as the embedded broker runs them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConsumedTopics {

    @Bean
    KafkaAdmin.NewTopics topicsOfOtherServices(EventTopics service, ObjectProvider<ReferencePrices> prices) {
        List<Topic<?>> read = new ArrayList<>(service.consumed());
        if (prices.getIfAvailable() != null) {
            read.add(Topics.PRICES_UPDATED);
        }
        return new KafkaAdmin.NewTopics(read.stream().map(topic -> topic.newTopic(1, (short) 1))
                .toArray(NewTopic[]::new));
    }
}
