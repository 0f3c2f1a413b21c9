package io.otcrouter.kafka;

/**
 * An event that decoded but can never be processed (it breaks the contract: a missing field, an amount of zero, a
 * token the catalog does not know). Thrown by a listener, it sends the record to its dead-letter topic at once.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
