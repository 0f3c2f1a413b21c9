package io.otcrouter.otcpool.admin;

import io.otcrouter.security.input.StrictInput;

public class PoolNotFoundException extends RuntimeException {

    public PoolNotFoundException(String poolId) {
        // The id comes from a request path: shown escaped and cut short, never echoed as sent.
        super("No OTC pool with id " + StrictInput.shown(poolId));
    }
}
