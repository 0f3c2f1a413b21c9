package io.otcrouter.dashboard.api;

/**
 * A trade the read model does not (or no longer) hold: it keeps the aggregates of every trade but the details of a
 * bounded window of recent ones only. It cannot tell a trade older than the window from one it never saw.
 */
class TradeNotFoundException extends RuntimeException {

    /** What the trade page shows when its trade is not in the window. */
    static final String NOT_IN_WINDOW = "not in the dashboard's recent window";

    TradeNotFoundException(String tradeId, int window) {
        super("Trade " + tradeId + " is " + NOT_IN_WINDOW + " (the latest " + window + " settled trades and their "
                + "decisions): it is older, or not decided yet. The ledger keeps every trade.");
    }
}
