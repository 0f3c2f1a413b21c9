package io.otcrouter.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partitions and replication of the topics this service declares (only the dead-letter topics: it writes no
 * event topic). A dead-letter topic needs as many partitions as its source, since records keep their partition.
 */
@ConfigurationProperties(prefix = "otc.kafka")
public record KafkaTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
