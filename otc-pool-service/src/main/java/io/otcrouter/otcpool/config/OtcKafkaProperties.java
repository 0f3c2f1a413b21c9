package io.otcrouter.otcpool.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Partitions and replication of the topics this service declares. */
@ConfigurationProperties(prefix = "otc.kafka")
public record OtcKafkaProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
