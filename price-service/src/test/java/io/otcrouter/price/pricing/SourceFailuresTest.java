package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

class SourceFailuresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void shouldReadRetryAfterGivenAsAnHttpDate() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "Fri, 02 Jan 2026 03:06:05 GMT");

        PriceSourceUnavailableException failure = SourceFailures.unavailable("CoinGecko",
                HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "", headers, new byte[0],
                        StandardCharsets.UTF_8), CLOCK);

        assertThat(failure).isInstanceOfSatisfying(SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void shouldPauseADefaultMinuteAfterA429WithoutRetryAfter() {
        PriceSourceUnavailableException failure = SourceFailures.unavailable("CoinGecko",
                HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "", new HttpHeaders(), new byte[0],
                        StandardCharsets.UTF_8), CLOCK);

        assertThat(failure).isInstanceOfSatisfying(SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(SourceFailures.DEFAULT_RATE_LIMIT_PAUSE));
    }

    @Test
    void shouldNotPauseAfterAServerError() {
        PriceSourceUnavailableException failure = SourceFailures.unavailable("Kraken",
                HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "", new HttpHeaders(), new byte[0],
                        StandardCharsets.UTF_8), CLOCK);

        assertThat(failure).isNotInstanceOf(SourceRateLimitedException.class).hasMessageContaining("502");
    }
}
