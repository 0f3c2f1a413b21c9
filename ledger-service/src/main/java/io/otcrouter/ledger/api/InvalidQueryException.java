package io.otcrouter.ledger.api;

/** A query parameter the ledger API does not accept; the message is a sentence naming it. */
class InvalidQueryException extends RuntimeException {

    private final String parameter;

    InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
