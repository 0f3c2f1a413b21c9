package io.otcrouter.dashboard.history;

import io.otcrouter.dashboard.forwarding.UpstreamAnswer;

/** The ledger answered an export with something other than CSV (a refused filter): relayed as the ledger gave it. */
class LedgerRefusalException extends RuntimeException {

    private final transient UpstreamAnswer answer;

    LedgerRefusalException(UpstreamAnswer answer) {
        super("ledger-service answered the export with HTTP " + answer.status().value());
        this.answer = answer;
    }

    UpstreamAnswer answer() {
        return answer;
    }
}
