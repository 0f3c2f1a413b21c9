package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossAccountingTest {

    @Test
    void everyStageEqualIsZeroLoss() {
        LossAccounting loss = new LossAccounting(1000, 990, 990, 990, 990, 990, 995, 5, 995L, 0, 0, 0);
        assertThat(loss.lost()).isZero();
        assertThat(loss.orphans()).isZero();
        assertThat(loss.violations()).isEmpty();
        assertThat(loss.zeroLoss()).isTrue();
    }

    @Test
    void theWorstStageDecidesHowManyWereLost() {
        LossAccounting loss = new LossAccounting(1000, 1000, 1000, 997, 999, 998, 999, 0, 999L, 0, 0, 0);
        assertThat(loss.lost()).isEqualTo(3);
        assertThat(loss.violations()).containsExactly(
                "3 of 1000 accepted trades never settled (TradeSettled seen)",
                "1 of 1000 accepted trades never in the ledger",
                "2 of 1000 accepted trades never settled in the ledger (not PENDING)");
        assertThat(loss.zeroLoss()).isFalse();
    }

    @Test
    void aDashboardThatCountsDifferentlyFromTheLedgerIsAViolation() {
        LossAccounting loss = new LossAccounting(10, 10, 10, 10, 10, 10, 10, 0, 12L, 0, 0, 0);
        assertThat(loss.lost()).isZero();
        assertThat(loss.violations()).containsExactly("dashboard total grew by 12, the ledger holds 10 trades of this run (+2)");
        assertThat(new LossAccounting(10, 10, 10, 10, 10, 10, 10, 0, null, 0, 0, 0).violations())
                .containsExactly("dashboard totals unavailable");
    }

    @Test
    void tradesTheClientWasNeverToldAboutAreOrphans() {
        // router killed after publishing the decision, before answering: the ledger has one trade more
        LossAccounting loss = new LossAccounting(10, 9, 9, 9, 9, 9, 10, 0, 10L, 0, 0, 0);
        assertThat(loss.lost()).isZero();
        assertThat(loss.orphans()).isEqualTo(1);
        assertThat(loss.violations()).containsExactly(
                "1 ledger rows of this run belong to trades the client got no answer for");
    }

    @Test
    void duplicatesAreViolationsEvenWithoutLoss() {
        LossAccounting loss = new LossAccounting(10, 10, 10, 10, 10, 10, 10, 0, 10L, 1, 2, 0);
        assertThat(loss.lost()).isZero();
        assertThat(loss.violations()).containsExactly("1 duplicate ledger rows",
                "2 TradeSettled events that settle an already settled trade again");
    }

    @Test
    void theSameSettlementSentAgainIsReportedButNotAViolation() {
        LossAccounting loss = new LossAccounting(10, 10, 10, 10, 10, 10, 10, 0, 10L, 0, 0, 3);
        assertThat(loss.republishedSettledEvents()).isEqualTo(3);
        assertThat(loss.violations()).isEmpty();
    }

    @Test
    void moreThanAcceptedAtAStageIsReportedToo() {
        LossAccounting loss = new LossAccounting(10, 10, 11, 10, 10, 10, 10, 0, 10L, 0, 0, 0);
        assertThat(loss.violations()).containsExactly("11 trades decided (RouteDecided seen) but only 10 accepted");
    }
}
