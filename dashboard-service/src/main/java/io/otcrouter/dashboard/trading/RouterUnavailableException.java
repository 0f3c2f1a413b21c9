package io.otcrouter.dashboard.trading;

/** router-service could not be reached or did not answer in time. */
class RouterUnavailableException extends RuntimeException {

    RouterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
