package io.otcrouter.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of the trades of one run, stage by stage, and every way it differs from "nothing lost, nothing
 * doubled". A trade is accepted when the router answered 201 with its tradeId; every accepted trade must be decided
 * (RouteDecided on Kafka), settled (TradeSettled, any revision), booked once in the ledger and counted once by the dashboard.
 *
 * @param sent                   requests scheduled
 * @param accepted               201 answers
 * @param decided                accepted trades whose RouteDecided was seen
 * @param settled                accepted trades whose TradeSettled was seen
 * @param ledgerRows             ledger rows of accepted trades
 * @param ledgerSettled          ledger rows of accepted trades with a final status (not PENDING)
 * @param ledgerRowsAllOfRun     ledger rows whose clientOrderId belongs to this run, accepted or not
 * @param ledgerRowsRejected     ledger rows of trades the router refused with 422 (no venue), which it also books
 * @param dashboardDelta         growth of the dashboard's totalTrades over the run; null when it was unreachable
 * @param duplicateLedgerRows    ledger rows beyond the first, per tradeId and per clientOrderId
 * @param duplicateSettledEvents TradeSettled events of a trade that differ from the first one of the same revision
 *                               (settled twice); a correction, the next revision, is not one
 * @param republishedSettledEvents TradeSettled records identical to the first one of their revision, event id
 *                               included: the same event sent again (at-least-once), not a second settlement
 */
record LossAccounting(long sent, long accepted, long decided, long settled, long ledgerRows, long ledgerSettled,
        long ledgerRowsAllOfRun, long ledgerRowsRejected, Long dashboardDelta, long duplicateLedgerRows,
        long duplicateSettledEvents, long republishedSettledEvents) {

    /** Accepted trades missing from the stage that lost the most of them. */
    long lost() {
        long worst = Math.min(Math.min(decided, settled), Math.min(ledgerRows, ledgerSettled));
        return Math.max(0, accepted - worst);
    }

    /** Trades the ledger holds for this run that the client was never told about (no 201, no 422). */
    long orphans() {
        return Math.max(0, ledgerRowsAllOfRun - ledgerRows - ledgerRowsRejected);
    }

    List<String> violations() {
        List<String> violations = new ArrayList<>();
        missing(violations, "decided (RouteDecided seen)", decided);
        missing(violations, "settled (TradeSettled seen)", settled);
        missing(violations, "in the ledger", ledgerRows);
        missing(violations, "settled in the ledger (not PENDING)", ledgerSettled);
        if (orphans() > 0) {
            violations.add(orphans() + " ledger rows of this run belong to trades the client got no answer for");
        }
        if (dashboardDelta != null && dashboardDelta != ledgerRowsAllOfRun) {
            violations.add("dashboard total grew by " + dashboardDelta + ", the ledger holds " + ledgerRowsAllOfRun
                    + " trades of this run (" + signed(dashboardDelta - ledgerRowsAllOfRun) + ")");
        }
        if (dashboardDelta == null) {
            violations.add("dashboard totals unavailable");
        }
        if (duplicateLedgerRows > 0) {
            violations.add(duplicateLedgerRows + " duplicate ledger rows");
        }
        if (duplicateSettledEvents > 0) {
            violations.add(duplicateSettledEvents + " TradeSettled events that settle an already settled trade again");
        }
        return violations;
    }

    boolean zeroLoss() {
        return violations().isEmpty();
    }

    private void missing(List<String> violations, String stage, long count) {
        if (count < accepted) {
            violations.add((accepted - count) + " of " + accepted + " accepted trades never " + stage);
        } else if (count > accepted) {
            violations.add(count + " trades " + stage + " but only " + accepted + " accepted");
        }
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }
}
