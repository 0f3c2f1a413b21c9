package io.otcrouter.price.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("otc.kafka")
public record KafkaTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
