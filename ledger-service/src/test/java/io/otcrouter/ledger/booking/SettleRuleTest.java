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
    /** Booked as it was made: the ledger keeps up. */
    private static final Instant BOOKED = DECIDED;
    private static final Instant DEADLINE = Instant.parse("2026-11-24T10:00:30Z");
    private static final Instant FIRST_LEG = Instant.parse("2026-11-24T10:00:01Z");
    private static final Instant SECOND_LEG = Instant.parse("2026-11-24T10:00:02Z");
    /** Booked ten minutes after it was made, as after an outage of the ledger's database. */
    private static final Instant BOOKED_LATE = Instant.parse("2026-11-24T10:10:00Z");

    @Test
    void shouldSettleACompleteTradeAtItsLastLegWhateverTheLedgersClock() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(SECOND_LEG, FIRST_LEG), DECIDED, BOOKED, DECIDED))
                .contains(SECOND_LEG);
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(SECOND_LEG, FIRST_LEG), DECIDED, BOOKED,
                DEADLINE.plusSeconds(3600))).contains(SECOND_LEG);
    }

    @Test
    void shouldWaitForMissingLegsUntilTheDeadline() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED, DEADLINE)).isEmpty();
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED, SettleRule.NO_TIMEOUT_YET))
                .isEmpty();
    }

    @Test
    void shouldSettleAtTheDeadlineOnceTheClockIsPastIt() {
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED, DEADLINE.plusMillis(1)))
                .contains(DEADLINE);
        assertThat(THIRTY_SECONDS.settleAt(1, List.of(), DECIDED, BOOKED, DEADLINE.plusMillis(1)))
                .contains(DEADLINE);
    }

    @Test
    void shouldSettleAtOnceAtItsLastLegWhenEveryLegIsInEvenOneExecutedAfterTheDeadline() {
        Instant late = DEADLINE.plusSeconds(5);

        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG, late), DECIDED, BOOKED, SettleRule.NO_TIMEOUT_YET))
                .contains(late);
    }

    @Test
    void shouldStandACorrectionAtItsLastLegOnceEveryLegIsInAndAtTheDeadlineOtherwise() {
        Instant late = DEADLINE.plusSeconds(40);

        assertThat(THIRTY_SECONDS.settledAt(2, List.of(FIRST_LEG, late), DECIDED))
                .as("the late leg completed the trade").isEqualTo(late);
        assertThat(THIRTY_SECONDS.settledAt(3, List.of(FIRST_LEG, SECOND_LEG), DECIDED))
                .as("still a leg short: as the provisional settlement").isEqualTo(DEADLINE);
        assertThat(THIRTY_SECONDS.settledAt(3, List.of(FIRST_LEG, late), DECIDED))
                .as("never before a leg it holds").isEqualTo(late);
    }

    @Test
    void shouldStandAProvisionalSettlementWhereACorrectionWithTheSameLegsStands() {
        Instant provisional = THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED, DEADLINE.plusMillis(1))
                .orElseThrow();

        assertThat(THIRTY_SECONDS.settledAt(2, List.of(FIRST_LEG), DECIDED)).isEqualTo(provisional);
    }

    @Test
    void shouldWaitTheWholeTimeoutFromTheBookingOfADecisionReadLongAfterItWasMade() {
        Instant bookedDeadline = BOOKED_LATE.plusSeconds(30);

        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED_LATE, BOOKED_LATE.plusSeconds(1)))
                .as("ten minutes after the decision, but one second after its booking").isEmpty();
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED_LATE, bookedDeadline)).isEmpty();
        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG), DECIDED, BOOKED_LATE,
                bookedDeadline.plusMillis(1))).as("settled in event time, as a replay would").contains(DEADLINE);
    }

    @Test
    void shouldSettleWithALegTheVenueExecutedLateBehindTheSameOutageWhenTheDecisionWasBookedLate() {
        Instant afterTheOutage = BOOKED_LATE.plusSeconds(2);

        assertThat(THIRTY_SECONDS.settleAt(2, List.of(FIRST_LEG, afterTheOutage), DECIDED, BOOKED_LATE,
                SettleRule.NO_TIMEOUT_YET)).contains(afterTheOutage);
        assertThat(THIRTY_SECONDS.settleAt(3, List.of(FIRST_LEG, afterTheOutage), DECIDED, BOOKED_LATE,
                BOOKED_LATE.plusSeconds(31))).as("never before a leg it counted").contains(afterTheOutage);
    }

    @Test
    void shouldSettleATradeWithoutLegsAtItsDecision() {
        assertThat(THIRTY_SECONDS.settleAt(0, List.of(), DECIDED, BOOKED, SettleRule.NO_TIMEOUT_YET))
                .contains(DECIDED);
    }

    @Test
    void shouldNeverSettleBeforeTheDecisionEvenIfALegClockIsBehind() {
        Instant skewed = DECIDED.minusMillis(200);

        assertThat(THIRTY_SECONDS.settleAt(1, List.of(skewed), DECIDED, BOOKED, SettleRule.NO_TIMEOUT_YET))
                .contains(DECIDED);
    }

    @Test
    void shouldRefuseANonPositiveTimeout() {
        assertThatThrownBy(() -> new SettleRule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
