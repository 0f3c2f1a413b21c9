package io.otcrouter.otcpool.execution;

/** Outcome of one OTC leg as recorded in {@code pool_fill}. */
public enum FillStatus {
    FILLED,
    REJECTED
}
