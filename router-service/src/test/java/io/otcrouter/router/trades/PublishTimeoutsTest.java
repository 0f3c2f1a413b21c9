package io.otcrouter.router.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PublishTimeoutsTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Instant DECIDED_AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void shouldReadTheProducersTimeoutsInMillisecondsAsConfigured() {
        PublishTimeouts timeouts = PublishTimeouts.of(TEN_SECONDS, Map.of("delivery.timeout.ms", "10000",
                "request.timeout.ms", 4000, "max.block.ms", " 2000 "));

        assertThat(timeouts).isEqualTo(new PublishTimeouts(TEN_SECONDS, Duration.ofSeconds(2),
                Duration.ofSeconds(4), TEN_SECONDS));
    }

    @Test
    void shouldRefuseTheKafkaDefaultsWhichDeliverForTwoMinutesAfterTheRouterStoppedWaiting() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublishTimeouts.of(TEN_SECONDS, Map.of()))
                .withMessageContaining("delivery.timeout.ms (120000)");
    }

    @Test
    void shouldAcceptADeliveryTimeoutJustWithinTheMarginAndRefuseOneBeyondIt() {
        Duration withinMargin = TEN_SECONDS.plus(PublishTimeouts.DELIVERY_MARGIN);

        assertThat(new PublishTimeouts(TEN_SECONDS, Duration.ofSeconds(2), Duration.ofSeconds(4), withinMargin)
                .deliveryTimeout()).isEqualTo(withinMargin);
        assertThatIllegalArgumentException().isThrownBy(() -> new PublishTimeouts(TEN_SECONDS, Duration.ofSeconds(2),
                Duration.ofSeconds(4), withinMargin.plusMillis(1)));
    }

    @Test
    void shouldRefuseASendThatMayBlockLongerThanTheRouterWaits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PublishTimeouts(TEN_SECONDS,
                Duration.ofSeconds(11), Duration.ofSeconds(4), TEN_SECONDS)).withMessageContaining("max.block.ms");
    }

    @Test
    void shouldRefuseARequestTimeoutThatLeavesNoRetryWithinTheDeliveryTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PublishTimeouts(TEN_SECONDS,
                Duration.ofSeconds(2), TEN_SECONDS, TEN_SECONDS)).withMessageContaining("request.timeout.ms");
    }

    @Test
    void shouldPlaceTheLastPossibleAppendAfterTheLongestBlockAndDeliveryPlusTheClockMargin() {
        PublishTimeouts timeouts = new PublishTimeouts(TEN_SECONDS, Duration.ofSeconds(2), Duration.ofSeconds(4),
                TEN_SECONDS);

        assertThat(timeouts.lastPossibleAppend(DECIDED_AT)).isEqualTo(DECIDED_AT.plusSeconds(2 + 10 + 30));
        assertThat(timeouts.earliestPossibleAppend(DECIDED_AT)).isEqualTo(DECIDED_AT.minusSeconds(30));
    }
}
