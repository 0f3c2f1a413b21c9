package io.otcrouter.dashboard.history;

/** ledger-service could not be reached or did not answer in time. */
class LedgerUnavailableException extends RuntimeException {

    LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
