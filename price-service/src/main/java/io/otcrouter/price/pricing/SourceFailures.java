package io.otcrouter.price.pricing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns an HTTP failure of a price source into the board's vocabulary: a rate limit (429, or Binance's 418 ban)
 * with how long to stay away, or plain "unavailable this round" (5xx, 451, other 4xx, timeout, refused
 * connection).
 */
public final class SourceFailures {

    /** Pause after a 429 that carries no usable {@code Retry-After}; CoinGecko's public limit is per minute. */
    public static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(60);
    /** Binance bans for "2 minutes to 3 days" after ignored 429s; the shortest is the least we must wait. */
    public static final Duration DEFAULT_BAN_PAUSE = Duration.ofMinutes(2);

    private SourceFailures() {
    }

    public static PriceSourceUnavailableException unavailable(String source, RestClientException e, Clock clock) {
        if (e instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            if (status == 429 || status == 418) {
                Duration pause = retryAfter(response.getResponseHeaders(), clock)
                        .orElse(status == 418 ? DEFAULT_BAN_PAUSE : DEFAULT_RATE_LIMIT_PAUSE);
                return new SourceRateLimitedException(
                        source + " answered HTTP " + status + "; not asking again for " + pause, pause, e);
            }
            return new PriceSourceUnavailableException(source + " answered HTTP " + status, e);
        }
        if (e instanceof ResourceAccessException) {
            return new PriceSourceUnavailableException(source + " unreachable or too slow: " + e.getMessage(), e);
        }
        return new PriceSourceUnavailableException(source + " request failed: " + e.getMessage(), e);
    }

    /** {@code Retry-After} as delta-seconds or as an HTTP date (RFC 9110 allows both). */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration pause = Duration.between(clock.instant(), until.toInstant());
                return Optional.of(pause.isNegative() ? Duration.ZERO : pause);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
