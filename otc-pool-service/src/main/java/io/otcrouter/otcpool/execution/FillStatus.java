package io.otcrouter.otcpool.execution;

/**
 * Outcome of one OTC leg as recorded in {@code pool_fill}. PENDING: accepted (the leg is claimed, any firm quote
 * held for it) and waiting for its simulated execution delay; it survives a restart and is completed then.
 */
public enum FillStatus {
    PENDING,
    FILLED,
    REJECTED
}
