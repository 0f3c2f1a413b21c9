package io.otcrouter.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Partitions and replication of the topics this service declares. */
@ConfigurationProperties(prefix = "otc.kafka")
public record KafkaTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
