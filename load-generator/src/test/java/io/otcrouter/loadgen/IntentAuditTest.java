package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otcrouter.loadgen.IntentAudit.Decision;
import io.otcrouter.loadgen.IntentAudit.Events;
import io.otcrouter.loadgen.IntentAudit.LegOutcome;

class IntentAuditTest {

    private static final String PREFIX = "load-r1-";

    @Test
    void oneDecisionPerOrderAnsweredWithItsTradeAndEveryDexLegBookedAsExecutedPasses() {
        Events events = new Events(List.of(
                        new Decision("e1", "t1", PREFIX + 0, List.of("t1-dex")),
                        // the same event re-sent (at least once) is one decision
                        new Decision("e1", "t1", PREFIX + 0, List.of("t1-dex")),
                        new Decision("e2", "t2", PREFIX + 1, List.of())),
                List.of(leg("x1", "t1", "t1-dex", "FILLED", 10, 1500),
                        // another trade's leg, not of this run
                        leg("x9", "other", "other-dex", "FILLED", 1, 1)));

        List<String> violations = IntentAudit.check(Map.of("t1", 0, "t2", 1), PREFIX, events,
                List.of(leg(null, "t1", "t1-dex", "FILLED", 10, 1500)));

        assertThat(violations).isEmpty();
    }

    @Test
    void aRetryThatDecidedASecondTradeForTheSameOrderIsAViolation() {
        // the router forgot the key after a crash: the client's retry was decided again under a new trade id
        Events events = new Events(List.of(
                new Decision("e1", "t1", PREFIX + 0, List.of()),
                new Decision("e2", "t2", PREFIX + 0, List.of())), List.of());

        List<String> violations = IntentAudit.check(Map.of("t2", 0), PREFIX, events, List.of());

        assertThat(violations).containsExactly(
                "1 client orders decided as more than one trade, e.g. load-r1-0 -> [t1, t2]");
    }

    @Test
    void theSameTradeDecidedTwiceOrAnsweredWithAnotherTradeIsAViolation() {
        Events events = new Events(List.of(
                new Decision("e1", "t1", PREFIX + 0, List.of()),
                new Decision("e2", "t1", PREFIX + 0, List.of())), List.of());

        List<String> violations = IntentAudit.check(Map.of("t7", 0), PREFIX, events, List.of());

        assertThat(violations).containsExactly(
                "1 trades decided more than once (distinct RouteDecided events), e.g. t1 x2",
                "1 answers naming another trade than the one decided for the client order, e.g. load-r1-0 answered t7,"
                        + " decided [t1]");
    }

    @Test
    void dexLegsMissingTwiceExecutedOrBookedDifferentlyAreViolations() {
        Events events = new Events(List.of(
                new Decision("e1", "t1", PREFIX + 0, List.of("l1")),
                new Decision("e2", "t2", PREFIX + 1, List.of("l2")),
                new Decision("e3", "t3", PREFIX + 2, List.of("l3")),
                new Decision("e4", "t4", PREFIX + 3, List.of("l4"))),
                List.of(leg("x2a", "t2", "l2", "FILLED", 5, 700), leg("x2b", "t2", "l2", "FILLED", 5, 700),
                        leg("x3", "t3", "l3", "FILLED", 5, 700), leg("x4", "t4", "l4", "FILLED", 5, 700)));

        List<String> violations = IntentAudit.check(Map.of("t1", 0, "t2", 1, "t3", 2, "t4", 3), PREFIX, events,
                List.of(leg(null, "t2", "l2", "FILLED", 5, 700),
                        // the ledger gave up on the leg (settle timeout) though the venue filled it
                        leg(null, "t3", "l3", "FAILED", 5, 0)));

        assertThat(violations).containsExactly(
                "1 decided DEX legs never executed (no LegExecuted), e.g. t1/l1",
                "1 DEX legs executed more than once (distinct LegExecuted events), e.g. t2/l2 x2",
                "2 DEX legs the ledger booked differently from their execution, or not at all, e.g. "
                        + "t3/l3 executed FILLED 5 -> 700, booked FAILED 5 -> 0; t4/l4 executed FILLED, not in the ledger");
    }

    private static LegOutcome leg(String eventId, String tradeId, String legId, String status, long in, long out) {
        return new LegOutcome(eventId, tradeId, legId, status, BigInteger.valueOf(in), BigInteger.valueOf(out));
    }
}
