package io.otcrouter.router.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each API key's token bucket for trade submissions and quotes.
 *
 * @param perSecond requests a second a key may keep up for as long as it likes (the bucket's refill)
 * @param burst     requests a key may send at once after a quiet spell (the bucket's size)
 */
@ConfigurationProperties("otc.router.rate-limit")
public record RateLimitProperties(
        @DefaultValue("1000") long perSecond,
        @DefaultValue("2000") long burst) {

    public RateLimitProperties {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("otc.router.rate-limit.per-second and .burst must be at least 1, were "
                    + perSecond + " and " + burst);
        }
    }
}
