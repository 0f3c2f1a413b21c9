package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

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
}
