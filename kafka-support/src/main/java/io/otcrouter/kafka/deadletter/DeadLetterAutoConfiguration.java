package io.otcrouter.kafka.deadletter;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

import io.otcrouter.kafka.EventKafkaAutoConfiguration;
import io.otcrouter.kafka.EventKafkaProperties;
import io.otcrouter.kafka.EventTopics;

/** The dead-letter tools ({@link DeadLetterController}) in every web service that declares its {@link EventTopics}. */
@AutoConfiguration(after = EventKafkaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
@ConditionalOnBean(EventTopics.class)
public class DeadLetterAutoConfiguration {

    /** How long a request waits for the broker before it answers 503. */
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(15);

    @Bean
    DeadLetterKafka deadLetterKafka(KafkaProperties kafka) {
        return new DeadLetterKafka(kafka.buildConsumerProperties(), kafka.buildProducerProperties(), BROKER_TIMEOUT);
    }

    @Bean
    DeadLetterReader deadLetterReader(EventTopics topics, DeadLetterKafka kafka) {
        return new DeadLetterReader(topics, kafka);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetterReader reader, DeadLetterKafka kafka, EventTopics topics) {
        return new DeadLetterReplayer(reader, kafka, topics.service());
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReader reader, DeadLetterReplayer replayer) {
        return new DeadLetterController(reader, replayer);
    }

    /** The replay markers, declared by every service that may replay (the broker does not auto-create topics). */
    @Bean
    NewTopic deadLetterReplayMarkers(EventKafkaProperties properties) {
        return ReplayMarkers.newTopic(properties.replicationFactor());
    }
}
