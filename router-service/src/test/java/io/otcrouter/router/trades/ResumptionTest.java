package io.otcrouter.router.trades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.otcrouter.router.trades.DecisionLog.Search;
import io.otcrouter.router.tracking.Publication;

class ResumptionTest {

    private static final PublishTimeouts TIMEOUTS = new PublishTimeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(10));
    private static final Instant DECIDED_AT = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant WHILE_THE_PRODUCER_MAY_DELIVER = DECIDED_AT.plusSeconds(5);
    private static final Instant AFTER_THE_PRODUCER_GAVE_UP = TIMEOUTS.lastPossibleAppend(DECIDED_AT).plusMillis(1);
    private static final Publication DECIDED_UNCONFIRMED = new Publication(DECIDED_AT, false, false);

    private final AtomicInteger searches = new AtomicInteger();

    @Test
    void shouldDecideWhenTheEarlierAttemptStoredNoDecisionWithoutSearchingTheLog() {
        assertThat(Resumption.of(Publication.NOTHING_STORED, log(Search.FOUND), WHILE_THE_PRODUCER_MAY_DELIVER,
                TIMEOUTS)).isEqualTo(Resumption.DECIDE);
        assertThat(searches).hasValue(0);
    }

    @Test
    void shouldNeverDecideATradeThatMadeProgressWithoutAStoredDecision() {
        assertThat(Resumption.of(new Publication(null, false, true), log(Search.ABSENT), AFTER_THE_PRODUCER_GAVE_UP,
                TIMEOUTS)).isEqualTo(Resumption.UNCONFIRMED);
    }

    @Test
    void shouldAnswerAnAcknowledgedDecisionWithoutSearchingTheLog() {
        assertThat(Resumption.of(new Publication(DECIDED_AT, true, false), log(Search.ABSENT),
                AFTER_THE_PRODUCER_GAVE_UP, TIMEOUTS)).isEqualTo(Resumption.ANSWER_EXISTING);
        assertThat(searches).hasValue(0);
    }

    @Test
    void shouldAnswerADecisionThatAVenueOrTheLedgerActedOnEvenWithoutAnAcknowledgement() {
        assertThat(Resumption.of(new Publication(DECIDED_AT, false, true), log(Search.ABSENT),
                AFTER_THE_PRODUCER_GAVE_UP, TIMEOUTS)).isEqualTo(Resumption.ANSWER_EXISTING);
    }

    @Test
    void shouldAnswerAnUnacknowledgedDecisionFoundInTheLog() {
        assertThat(Resumption.of(DECIDED_UNCONFIRMED, log(Search.FOUND), WHILE_THE_PRODUCER_MAY_DELIVER, TIMEOUTS))
                .isEqualTo(Resumption.ANSWER_EXISTING);
        assertThat(searches).hasValue(1);
    }

    @Test
    void shouldDecideAgainOnlyOnceTheProducerCanNoLongerAppendTheDecisionItDidNotFind() {
        assertThat(Resumption.of(DECIDED_UNCONFIRMED, log(Search.ABSENT), WHILE_THE_PRODUCER_MAY_DELIVER, TIMEOUTS))
                .isEqualTo(Resumption.UNCONFIRMED);
        assertThat(Resumption.of(DECIDED_UNCONFIRMED, log(Search.ABSENT), TIMEOUTS.lastPossibleAppend(DECIDED_AT),
                TIMEOUTS)).isEqualTo(Resumption.UNCONFIRMED);
        assertThat(Resumption.of(DECIDED_UNCONFIRMED, log(Search.ABSENT), AFTER_THE_PRODUCER_GAVE_UP, TIMEOUTS))
                .isEqualTo(Resumption.DECIDE);
    }

    @Test
    void shouldNeverDecideAgainWhenTheLogCouldNotBeSearched() {
        assertThat(Resumption.of(DECIDED_UNCONFIRMED, log(Search.UNKNOWN), AFTER_THE_PRODUCER_GAVE_UP, TIMEOUTS))
                .isEqualTo(Resumption.UNCONFIRMED);
    }

    private Supplier<Search> log(Search result) {
        return () -> {
            searches.incrementAndGet();
            return result;
        };
    }
}
