package io.otcrouter.router.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention     how long a tracked trade (its decision, legs and settlement) is kept; at least the
 *                      idempotency retention, checked at start-up
 * @param purgeInterval how often trades older than the retention are deleted
 */
@ConfigurationProperties("otc.router.tracking")
public record TrackingProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration purgeInterval) {
}
