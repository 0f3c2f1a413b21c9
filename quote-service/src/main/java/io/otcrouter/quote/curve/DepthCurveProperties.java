package io.otcrouter.quote.curve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live depth curves.
 *
 * @param ttl               how long an observed Jupiter output stays usable
 * @param activeFor         a pair asked for within this period is kept fresh in the background
 * @param refreshInterval   how often the background refresh looks for a free slot in the budget
 * @param maxPointsPerPair  points kept per pair (oldest dropped first)
 */
@ConfigurationProperties("otc.jupiter.curve")
public record DepthCurveProperties(
        @DefaultValue("60s") Duration ttl,
        @DefaultValue("5m") Duration activeFor,
        @DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("24") int maxPointsPerPair) {
}
