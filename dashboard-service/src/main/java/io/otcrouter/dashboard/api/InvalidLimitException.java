package io.otcrouter.dashboard.api;

/** A {@code limit} query parameter outside what the read model can serve. */
class InvalidLimitException extends RuntimeException {

    InvalidLimitException(int limit, int max) {
        super("limit must be between 1 and " + max + ", was " + limit);
    }
}
