package io.otcrouter.quote.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.otcrouter.quote.curve.DepthCurveCache.Wanted;
import io.otcrouter.testsupport.time.MutableClock;

class DepthCurveCacheTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final String SOL = "So11111111111111111111111111111111111111112";
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final BigInteger SIZE = BigInteger.valueOf(1_000);

    private final MutableClock clock = new MutableClock(T0);
    private final DepthCurveCache cache = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 24,
            clock);

    @Test
    void shouldAgeACurveByItsOldestPointAndForgetPointsPastTheTtl() {
        cache.record(SOL, USDC, BigInteger.valueOf(100), BigInteger.valueOf(1_000));
        clock.advance(Duration.ofSeconds(30));
        cache.record(SOL, USDC, BigInteger.valueOf(200), BigInteger.valueOf(1_800));

        assertThat(cache.fresh(SOL, USDC)).hasValueSatisfying(curve -> {
            assertThat(curve.observedAt()).isEqualTo(T0);
            assertThat(curve.points()).hasSize(2);
        });
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.fresh(SOL, USDC)).hasValueSatisfying(curve -> {
            assertThat(curve.observedAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(curve.points()).containsExactly(new DepthSample(BigInteger.valueOf(200),
                    BigInteger.valueOf(1_800)));
        });
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.fresh(SOL, USDC)).isEmpty();
    }

    @Test
    void shouldKeepCurvesPerDirection() {
        cache.record(SOL, USDC, BigInteger.valueOf(100), BigInteger.valueOf(1_000));

        assertThat(cache.fresh(USDC, SOL)).isEmpty();
    }

    @Test
    void shouldWantTheCurveSizesOfAnActivePairThatAreMissingOrHalfStale() {
        cache.markActive(SOL, USDC, SIZE, 50);
        cache.record(SOL, USDC, BigInteger.valueOf(1_000), BigInteger.valueOf(9_000));
        clock.advance(Duration.ofSeconds(10));
        cache.record(SOL, USDC, BigInteger.valueOf(500), BigInteger.valueOf(4_600));

        assertThat(cache.wantedPoints()).extracting(Wanted::size)
                .containsExactly(BigInteger.valueOf(100), BigInteger.valueOf(250), BigInteger.valueOf(2_000));

        clock.advance(Duration.ofSeconds(25)); // the 1,000 point is now 35 s old: past half the TTL
        assertThat(cache.wantedPoints()).extracting(Wanted::size).hasSize(4).last()
                .isEqualTo(BigInteger.valueOf(1_000));
    }

    @Test
    void shouldNotWantASizeAgainSoonAfterAnAttemptNorForAPairNoLongerActive() {
        cache.markActive(SOL, USDC, SIZE, 50);
        cache.markAttempted(SOL, USDC, BigInteger.valueOf(100));

        assertThat(cache.wantedPoints()).extracting(Wanted::size).doesNotContain(BigInteger.valueOf(100));

        clock.advance(Duration.ofMinutes(6));
        assertThat(cache.wantedPoints()).isEmpty();
    }

    @Test
    void shouldKeepAtMostTheConfiguredNumberOfPointsDroppingTheOldest() {
        DepthCurveCache small = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 2, clock);
        small.record(SOL, USDC, BigInteger.valueOf(100), BigInteger.valueOf(1_000));
        clock.advance(Duration.ofSeconds(1));
        small.record(SOL, USDC, BigInteger.valueOf(200), BigInteger.valueOf(1_800));
        clock.advance(Duration.ofSeconds(1));
        small.record(SOL, USDC, BigInteger.valueOf(300), BigInteger.valueOf(2_500));

        assertThat(small.fresh(SOL, USDC).orElseThrow().points()).extracting(DepthSample::inAmount)
                .containsExactly(BigInteger.valueOf(200), BigInteger.valueOf(300));
    }

    @Test
    void shouldKeepTheLargestFreshSizeWhenDroppingSoThatTheCurveStillReachesIt() {
        DepthCurveCache small = new DepthCurveCache(Duration.ofSeconds(60), Duration.ofMinutes(5), 2, clock);
        small.record(SOL, USDC, BigInteger.valueOf(300), BigInteger.valueOf(2_500));
        clock.advance(Duration.ofSeconds(1));
        small.record(SOL, USDC, BigInteger.valueOf(100), BigInteger.valueOf(1_000));
        clock.advance(Duration.ofSeconds(1));
        small.record(SOL, USDC, BigInteger.valueOf(200), BigInteger.valueOf(1_800));

        assertThat(small.fresh(SOL, USDC).orElseThrow().points()).extracting(DepthSample::inAmount)
                .containsExactly(BigInteger.valueOf(200), BigInteger.valueOf(300));
    }
}
