package io.otcrouter.dashboard.api;

/** A trade the read model does not (or no longer) hold: it keeps a bounded window of recent trades. */
class TradeNotFoundException extends RuntimeException {

    TradeNotFoundException(String tradeId) {
        super("No recent trade " + tradeId + " in the dashboard; the ledger keeps every trade");
    }
}
