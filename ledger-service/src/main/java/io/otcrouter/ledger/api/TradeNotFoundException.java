package io.otcrouter.ledger.api;

import io.otcrouter.security.input.StrictInput;

class TradeNotFoundException extends RuntimeException {

    TradeNotFoundException(String tradeId) {
        // The id comes from a request path: shown escaped and cut short, never echoed as sent.
        super("No trade " + StrictInput.shown(tradeId) + " in the ledger");
    }
}
