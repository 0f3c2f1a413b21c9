package io.otcrouter.otcpool.admin;

public class PoolNotFoundException extends RuntimeException {

    public PoolNotFoundException(String poolId) {
        super("No OTC pool with id " + poolId);
    }
}
