package io.otcrouter.ledger.api;

class InvalidPageRequestException extends RuntimeException {

    InvalidPageRequestException(String message) {
        super(message);
    }
}
