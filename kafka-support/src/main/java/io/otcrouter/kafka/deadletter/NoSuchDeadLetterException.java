package io.otcrouter.kafka.deadletter;

/** A dead-letter topic, partition or record that this service does not have: answered 404. */
class NoSuchDeadLetterException extends RuntimeException {

    NoSuchDeadLetterException(String message) {
        super(message);
    }
}
