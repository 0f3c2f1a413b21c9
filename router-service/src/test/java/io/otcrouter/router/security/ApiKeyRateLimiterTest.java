package io.otcrouter.router.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class ApiKeyRateLimiterTest {

    private final ManualTime time = new ManualTime();
    private final ApiKeyRateLimiter limiter = new ApiKeyRateLimiter(2, 3, time);

    @Test
    void shouldLetABurstThroughAndRefuseTheNextWithTheWaitForTheNextToken() {
        assertThat(limiter.acquire("desk")).isEmpty();
        assertThat(limiter.acquire("desk")).isEmpty();
        assertThat(limiter.acquire("desk")).isEmpty();

        assertThat(limiter.acquire("desk")).hasValue(Duration.ofMillis(500));
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("desk");
        }

        time.advance(Duration.ofMillis(500));

        assertThat(limiter.acquire("desk")).isEmpty();
        assertThat(limiter.acquire("desk")).isPresent();
    }

    @Test
    void shouldGiveEveryKeyItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("desk");
        }

        assertThat(limiter.acquire("desk")).isPresent();
        assertThat(limiter.acquire("other-desk")).isEmpty();
    }

    /** A clock the test moves. */
    private static final class ManualTime implements TimeMeter {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
