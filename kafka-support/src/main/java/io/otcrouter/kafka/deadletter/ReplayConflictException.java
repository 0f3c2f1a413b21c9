package io.otcrouter.kafka.deadletter;

/** Another replay (another instance or service) took over the replay transaction meanwhile: answered 409. */
class ReplayConflictException extends RuntimeException {

    ReplayConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
