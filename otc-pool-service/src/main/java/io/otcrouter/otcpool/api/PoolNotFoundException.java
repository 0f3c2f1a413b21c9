package io.otcrouter.otcpool.api;

class PoolNotFoundException extends RuntimeException {

    PoolNotFoundException(String poolId) {
        super("No OTC pool with id " + poolId);
    }
}
