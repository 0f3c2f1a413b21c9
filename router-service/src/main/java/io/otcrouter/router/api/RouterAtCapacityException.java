package io.otcrouter.router.api;

/** Too many trades are being decided: this one was refused before anything was done with it. */
class RouterAtCapacityException extends RuntimeException {

    static final String RETRY_AFTER_SECONDS = "1";

    private final int maxInFlight;

    RouterAtCapacityException(int maxInFlight) {
        super("The router is already deciding " + maxInFlight + " trades; nothing was done with this one. Retry after "
                + RETRY_AFTER_SECONDS + " s (the same Idempotency-Key is safe).");
        this.maxInFlight = maxInFlight;
    }

    int maxInFlight() {
        return maxInFlight;
    }
}
