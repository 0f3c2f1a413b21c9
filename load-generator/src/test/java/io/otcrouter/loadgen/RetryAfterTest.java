package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void aRefusalsRetryAfterInSecondsIsWaitedAtLeast() {
        assertThat(TradeSender.retryAfterMillis(Optional.of("1"))).isEqualTo(1_000);
        assertThat(TradeSender.retryAfterMillis(Optional.of(" 3 "))).isEqualTo(3_000);
    }

    @Test
    void noOrAnUnreadableRetryAfterLeavesTheBackoffAlone() {
        assertThat(TradeSender.retryAfterMillis(Optional.empty())).isZero();
        assertThat(TradeSender.retryAfterMillis(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"))).isZero();
        assertThat(TradeSender.retryAfterMillis(Optional.of("-1"))).isZero();
    }

    @Test
    void retriesSpreadOverTheUpperHalfOfTheBackoffAndNeverComeBeforeRetryAfter() {
        SplittableRandom random = new SplittableRandom(16);
        long[] waits = LongStream.range(0, 2_000).map(i -> TradeSender.retryDelayMillis(2_000, 0, random)).toArray();
        assertThat(LongStream.of(waits).min().orElseThrow()).isGreaterThanOrEqualTo(1_000);
        assertThat(LongStream.of(waits).max().orElseThrow()).isLessThanOrEqualTo(2_000);
        assertThat(LongStream.of(waits).distinct().count()).as("jittered, not in lock step").isGreaterThan(500);
        assertThat(TradeSender.retryDelayMillis(2_000, 5_000, random)).isEqualTo(5_000);
    }
}
