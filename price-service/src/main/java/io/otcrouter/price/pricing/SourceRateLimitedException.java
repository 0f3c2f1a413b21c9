package io.otcrouter.price.pricing;

import java.time.Duration;
import java.util.Objects;

/**
 * The source said "too many requests" (HTTP 429, Binance's 418 ban, Kraken's rate-limit error): it must not be
 * asked again before {@link #retryAfter()} has passed.
 */
public class SourceRateLimitedException extends PriceSourceUnavailableException {

    private final Duration retryAfter;

    public SourceRateLimitedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
