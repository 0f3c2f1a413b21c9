package io.otcrouter.quote.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import io.otcrouter.testsupport.time.MutableClock;


class JupiterRateLimiterTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final BigDecimal KEYLESS = new BigDecimal("0.5");
    private static final Duration COOLDOWN = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(T0);

    private JupiterRateLimiter limiter(BigDecimal rate, int burst) {
        return new JupiterRateLimiter(rate, burst, COOLDOWN, clock);
    }

    @Test
    void shouldSpaceCallsTwoSecondsApartAtTheKeylessRateAndRefusePastTheDeadline() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);
        List<Optional<Instant>> slots = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            slots.add(limiter.reserve(T0.plusSeconds(10)));
        }

        assertThat(slots).containsExactly(Optional.of(T0), Optional.of(T0.plusSeconds(2)),
                Optional.of(T0.plusSeconds(4)), Optional.of(T0.plusSeconds(6)), Optional.of(T0.plusSeconds(8)),
                Optional.of(T0.plusSeconds(10)), Optional.empty(), Optional.empty());
    }

    @Test
    void shouldSpendNothingWhenItRefusesASlot() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);
        limiter.reserve(T0);

        assertThat(limiter.reserve(T0.plusSeconds(1))).isEmpty();
        assertThat(limiter.reserve(T0.plusSeconds(1))).isEmpty();
        assertThat(limiter.reserve(T0.plusSeconds(2))).contains(T0.plusSeconds(2));
    }

    @Test
    void shouldAllowABurstAfterAnIdlePeriodAndThenSpaceCalls() {
        JupiterRateLimiter limiter = limiter(BigDecimal.ONE, 3);

        assertThat(limiter.availableNow()).isEqualTo(3);
        assertThat(limiter.reserve(T0)).contains(T0);
        assertThat(limiter.reserve(T0)).contains(T0);
        assertThat(limiter.reserve(T0)).contains(T0);
        assertThat(limiter.availableNow()).isZero();
        assertThat(limiter.reserve(T0.plusSeconds(5))).contains(T0.plusSeconds(1));
    }

    @Test
    void shouldStopEveryCallUntilTheResetJupiterGivesWithA429() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);

        limiter.onResponse(429, "0", "7");

        assertThat(limiter.availableNow()).isZero();
        assertThat(limiter.reserve(T0.plusSeconds(6))).isEmpty();
        assertThat(limiter.reserve(T0.plusSeconds(30))).contains(T0.plusSeconds(7));
    }

    @Test
    void shouldStopWhenJupiterSaysNothingRemainsUntilAnEpochSecondsReset() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);

        limiter.onResponse(200, "0", String.valueOf(T0.plusSeconds(12).getEpochSecond()));

        assertThat(limiter.reserve(T0.plusSeconds(30))).contains(T0.plusSeconds(12));
    }

    @Test
    void shouldUseTheCooldownAfterA429WithoutResetHeader() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);

        limiter.onResponse(429, null, null);

        assertThat(limiter.blockedUntil()).isEqualTo(T0.plus(COOLDOWN));
    }

    @Test
    void shouldStopCallingForTheOutageCooldownWhenJupiterIsDown() {
        JupiterRateLimiter limiter = new JupiterRateLimiter(KEYLESS, 1, COOLDOWN, Duration.ofSeconds(5), clock);

        limiter.onOutage("HTTP 503");

        assertThat(limiter.reserve(T0.plusSeconds(4))).isEmpty();
        assertThat(limiter.reserve(T0.plusSeconds(6))).contains(T0.plusSeconds(5));
    }

    @Test
    void shouldReadResetAsSecondsFromNowEpochSecondsOrEpochMillis() {
        assertThat(JupiterRateLimiter.resetInstant("2.5", T0)).contains(T0.plusMillis(2_500));
        assertThat(JupiterRateLimiter.resetInstant("1748779260", T0)).contains(Instant.ofEpochSecond(1748779260));
        assertThat(JupiterRateLimiter.resetInstant("1748779260123", T0))
                .contains(Instant.ofEpochMilli(1748779260123L));
        assertThat(JupiterRateLimiter.resetInstant("soon", T0)).isEmpty();
    }

    @Test
    void shouldCapTheBudgetItReportsByJupitersRemainingHeader() {
        JupiterRateLimiter limiter = limiter(BigDecimal.TEN, 5);

        limiter.onResponse(200, "2", "30");

        assertThat(limiter.availableNow()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.availableNow()).isEqualTo(5);
    }

    @Test
    void shouldKeepBackgroundWorkOffTheBudgetWhileRequestsAreUsingIt() {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);
        limiter.reserve(T0);

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquireForBackground()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquireForBackground()).isTrue();
        assertThat(limiter.tryAcquireForBackground()).isFalse();
        assertThat(limiter.reserve(T0.plusSeconds(10))).contains(T0.plusSeconds(4));
    }

    @Test
    void shouldNeverGrantMoreThanTheBudgetToFiftyConcurrentCallers() throws Exception {
        JupiterRateLimiter limiter = limiter(KEYLESS, 1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Instant>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return limiter.reserve(T0.plusSeconds(10));
                }));
            }
            start.countDown();
            List<Instant> granted = Collections.synchronizedList(new ArrayList<>());
            for (Future<Optional<Instant>> result : results) {
                result.get().ifPresent(granted::add);
            }

            // 10 s at 0.5/s with a burst of 1: the call at T0 and one every 2 s, no more.
            assertThat(granted).hasSize(6).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrder(T0, T0.plusSeconds(2), T0.plusSeconds(4), T0.plusSeconds(6),
                            T0.plusSeconds(8), T0.plusSeconds(10));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldDefaultToHalfARequestPerSecondKeylessAndOneWithAKey() {
        JupiterBudgetProperties defaults = new JupiterBudgetProperties(null, 1, COOLDOWN, COOLDOWN,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1);
        JupiterBudgetProperties configured = new JupiterBudgetProperties(new BigDecimal("10"), 1, COOLDOWN,
                COOLDOWN, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1);

        assertThat(defaults.effectiveRate(false)).isEqualByComparingTo("0.5");
        assertThat(defaults.effectiveRate(true)).isEqualByComparingTo("1");
        assertThat(configured.effectiveRate(false)).isEqualByComparingTo("10");
        assertThat(limiter(KEYLESS, 1).interval()).isEqualTo(Duration.ofSeconds(2));
    }
}
