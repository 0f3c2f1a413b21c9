package io.otcrouter.otcpool.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DecisionWatermarkTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration SLACK = Duration.ofSeconds(6);

    @Test
    void shouldReleaseUpToTheLeastReadPartitionLessTheSlack() {
        Instant backlogged = NOW.minusSeconds(60);

        assertThat(DecisionWatermark.cutoff(NOW, 3, 3, backlogged, SLACK)).contains(backlogged.minus(SLACK));
    }

    @Test
    void shouldNeverReleaseWhatExpiresAfterNowEvenWithAClockAhead() {
        assertThat(DecisionWatermark.cutoff(NOW, 3, 3, NOW.plusSeconds(60), SLACK)).contains(NOW);
    }

    @Test
    void shouldReleaseNothingWhileAPartitionHasNotBeenRead() {
        assertThat(DecisionWatermark.cutoff(NOW, 3, 2, NOW, SLACK)).isEmpty();
        assertThat(DecisionWatermark.cutoff(NOW, 0, 0, null, SLACK)).isEmpty();
        assertThat(DecisionWatermark.cutoff(NOW, 1, 1, null, SLACK)).isEmpty();
    }
}
