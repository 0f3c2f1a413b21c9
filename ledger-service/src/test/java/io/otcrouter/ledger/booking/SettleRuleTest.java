package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SettleRuleTest {

    private static final SettleRule THIRTY_SECONDS = new SettleRule(Duration.ofSeconds(30));
    private static final Instant DECIDED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-24T10:00:30Z");
    private static final Instant FIRST_LEG = Instant.parse("2026-11-24T10:00:01Z");
    private static final Instant SECOND_LEG = Instant.parse("2026-11-24T10:00:02Z");

    @Test
    void shouldSettleACompleteTradeAtItsLastLegWhateverTheLedgersClock() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(SECOND_LEG, FIRST_LEG), DECIDED, DECIDED))
                .contains(SECOND_LEG);
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(SECOND_LEG, FIRST_LEG), DECIDED, DEADLINE.plusSeconds(3600)))
                .contains(SECOND_LEG);
    }

    @Test
    void shouldWaitForMissingLegsUntilTheDeadline() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, DEADLINE)).isEmpty();
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, SettleRule.NO_TIMEOUT_YET)).isEmpty();
    }

    @Test
    void shouldSettleAtTheDeadlineOnceTheClockIsPastIt() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, DEADLINE.plusMillis(1)))
                .contains(DEADLINE);
        assertThat(THIRTY_SECONDS.settleAt(1, List.of(), DECIDED, DEADLINE.plusMillis(1))).contains(DEADLINE);
    }

    @Test
    void shouldNotCountALegExecutedAfterTheDeadlineSoTheTradeSettlesAtTheDeadline() {
        Instant late = DEADLINE.plusSeconds(5);

        assertThat(THIRTY_SECONDS.counts(DEADLINE, DECIDED)).isTrue();
        assertThat(THIRTY_SECONDS.counts(late, DECIDED)).isFalse();
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG, late), DECIDED, SettleRule.NO_TIMEOUT_YET))
                .contains(DEADLINE);
    }

    @Test
    void shouldSettleATradeWithoutLegsAtItsDecision() {
        assertThat(THIRTY_SECONDS.settleAt(0, List.of(), DECIDED, SettleRule.NO_TIMEOUT_YET)).contains(DECIDED);
    }

    @Test
    void shouldNeverSettleBeforeTheDecisionEvenIfALegClockIsBehind() {
        Instant skewed = DECIDED.minusMillis(200);

        assertThat(THIRTY_SECONDS.settleAt(1, List.of(skewed), DECIDED, SettleRule.NO_TIMEOUT_YET)).contains(DECIDED);
    }

    @Test
    void shouldRefuseANonPositiveTimeout() {
        assertThatThrownBy(() -> new SettleRule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
