package io.otcrouter.quote;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.otcrouter.quote.dex.RequestLane;

/** Jupiter lanes for tests. */
public final class TestLanes {

    /** Deadlines are never reached by inline calls, which are complete before one could be set. */
    private static final ScheduledExecutorService UNUSED_DEADLINES = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "test-deadlines");
                thread.setDaemon(true);
                return thread;
            });

    private TestLanes() {
    }

    /** A lane that makes each call on the caller's thread, so a quote is complete when {@code quote} returns. */
    public static RequestLane inline(int maxConcurrency, Clock clock) {
        return new RequestLane(maxConcurrency, Runnable::run, UNUSED_DEADLINES, clock);
    }
}
