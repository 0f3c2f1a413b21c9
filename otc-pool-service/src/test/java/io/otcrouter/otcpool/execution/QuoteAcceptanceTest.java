package io.otcrouter.otcpool.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A firm quote is judged at the time its decision accepted it, within what the clocks make credible. */
class QuoteAcceptanceTest {

    private static final Instant QUOTED = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant EXPIRES = QUOTED.plusSeconds(10);
    private static final Duration TOLERANCE = Duration.ofSeconds(2);

    @Test
    void shouldJudgeABackloggedDecisionAtTheTimeItWasMadeNotWhenItIsRead() {
        Instant decided = QUOTED.plusSeconds(3);
        Instant readAfterAnOutage = QUOTED.plusSeconds(75);

        Instant accepted = QuoteAcceptance.acceptedAt(decided, QUOTED, readAfterAnOutage, TOLERANCE);

        assertThat(accepted).isEqualTo(decided).isBefore(EXPIRES);
    }

    @Test
    void shouldJudgeADecisionMadeAfterTheExpiryAtItsOwnTimeSoTheQuoteIsNotHonoured() {
        Instant decided = EXPIRES.plusMillis(1);

        assertThat(QuoteAcceptance.acceptedAt(decided, QUOTED, QUOTED.plusSeconds(60), TOLERANCE))
                .isEqualTo(decided).isAfter(EXPIRES);
    }

    @Test
    void shouldTakeATimeSlightlyBeforeTheQuoteAsTheQuotesCreationForClockSkew() {
        Instant routerClockBehind = QUOTED.minusMillis(1500);

        assertThat(QuoteAcceptance.acceptedAt(routerClockBehind, QUOTED, QUOTED.plusSeconds(60), TOLERANCE))
                .isEqualTo(QUOTED);
    }

    @Test
    void shouldNotBelieveATimeLongBeforeTheQuoteExistedAndUseTheProcessingTime() {
        Instant forged = QUOTED.minusSeconds(3600);
        Instant now = QUOTED.plusSeconds(60);

        assertThat(QuoteAcceptance.acceptedAt(forged, QUOTED, now, TOLERANCE)).isEqualTo(now);
    }

    @Test
    void shouldNeverJudgeLaterThanTheProcessingTimeForAClockAhead() {
        Instant now = QUOTED.plusSeconds(5);

        assertThat(QuoteAcceptance.acceptedAt(QUOTED.plusSeconds(3600), QUOTED, now, TOLERANCE)).isEqualTo(now);
        assertThat(QuoteAcceptance.acceptedAt(null, QUOTED, now, TOLERANCE)).isEqualTo(now);
    }
}
