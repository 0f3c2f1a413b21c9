package io.otcrouter.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of the topics this service declares ({@code KAFKA_PARTITIONS})
 * @param replicationFactor their replication ({@code KAFKA_REPLICATION_FACTOR})
 * @param retryInitial      first wait before a failed record is tried again
 * @param retryMax          longest wait between two tries; a record keeps being retried at this pace, never dropped
 *                          (both settable as {@code OTC_KAFKA_RETRY_INITIAL}, {@code OTC_KAFKA_RETRY_MAX})
 */
@ConfigurationProperties("otc.kafka")
public record EventKafkaProperties(Integer partitions, Short replicationFactor, Duration retryInitial, Duration retryMax) {

    public EventKafkaProperties {
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
        retryMax = retryMax == null ? Duration.ofSeconds(5) : retryMax;
    }
}
