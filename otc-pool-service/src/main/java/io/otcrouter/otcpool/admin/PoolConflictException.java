package io.otcrouter.otcpool.admin;

/** A valid request that the pool's current state does not allow (duplicate id, inventory held by quotes). */
public class PoolConflictException extends RuntimeException {

    PoolConflictException(String message) {
        super(message);
    }
}
