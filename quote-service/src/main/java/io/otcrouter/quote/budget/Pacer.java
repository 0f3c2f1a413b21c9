package io.otcrouter.quote.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a reserved start slot, on the Jupiter lane's worker that will make the call (never a consumer
 * thread). Separate from the limiter so tests replace it (and the clock) and never wait. The wait is bounded by
 * {@code otc.jupiter.budget.max-slot-wait} (and by the caller's own deadline); the waiting worker holds its permit.
 */
@FunctionalInterface
public interface Pacer {

    /** @return false when interrupted before the slot (the caller then does not call) */
    boolean awaitUntil(Instant slot);

    static Pacer parking(Clock clock) {
        return slot -> {
            while (true) {
                Duration left = Duration.between(clock.instant(), slot);
                if (left.isNegative() || left.isZero()) {
                    return true;
                }
                LockSupport.parkNanos(left.toNanos());
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
        };
    }
}
