package io.otcrouter.router.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention      how long a key is remembered (at least 24 h by contract)
 * @param purgeInterval  how often keys older than the retention are deleted
 * @param inFlightWait   how long a repeated request waits for the first one with the same key to finish
 * @param abandonedAfter an in-flight key older than this is taken to belong to a crashed instance and reused
 */
@ConfigurationProperties("otc.router.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("20s") Duration inFlightWait,
        @DefaultValue("2m") Duration abandonedAfter) {
}
