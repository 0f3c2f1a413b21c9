package io.otcrouter.ledger.api;

class TradeNotFoundException extends RuntimeException {

    TradeNotFoundException(String tradeId) {
        super("No trade " + tradeId + " in the ledger");
    }
}
