package io.otcrouter.dashboard.pooladmin;

/** otc-pool-service could not be reached or did not answer in time. */
class PoolServiceUnavailableException extends RuntimeException {

    PoolServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
