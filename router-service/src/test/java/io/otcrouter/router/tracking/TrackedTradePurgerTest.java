package io.otcrouter.router.tracking;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.config.TrackingProperties;

class TrackedTradePurgerTest {

    private static final IdempotencyProperties KEYS_FOR_A_DAY = new IdempotencyProperties(Duration.ofHours(24),
            Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofMinutes(2));

    @Test
    void shouldRefuseToForgetTradesBeforeTheIdempotencyKeysThatResumeThem() {
        assertThatIllegalStateException().isThrownBy(() -> new TrackedTradePurger(null,
                new TrackingProperties(Duration.ofHours(23), Duration.ofMinutes(10)), KEYS_FOR_A_DAY,
                Clock.systemUTC())).withMessageContaining("otc.router.tracking.retention (PT23H)")
                .withMessageContaining("decide that trade again");
    }

    @Test
    void shouldAcceptATrackingRetentionAsLongAsTheIdempotencyRetention() {
        assertThatNoException().isThrownBy(() -> new TrackedTradePurger(null,
                new TrackingProperties(Duration.ofHours(24), Duration.ofMinutes(10)), KEYS_FOR_A_DAY,
                Clock.systemUTC()));
    }
}
