package io.otcrouter.quote.dex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the Jupiter calls of quote requests and DEX-leg re-quotes run: never on a Kafka consumer thread, at most
 * {@code maxConcurrency} at once, each given up at its own deadline, so a slow or hung call delays only the request
 * that made it. The background curve refresh has its own lane (the scheduler's thread, one call at a time, only
 * with budget requests leave idle) and never takes one of these permits.
 *
 * <p>Platform threads in a bounded pool, one per call in flight: the service is on Java 17 (no virtual threads),
 * and Jupiter calls are few — its paid tiers allow 10–150 a second, which at a few hundred milliseconds each is a
 * few dozen threads at most. The blocking {@code RestClient} code stays as it is, and the pool's size is the
 * concurrency limit itself.
 *
 * <p>Per pair (input → output mint) at most one call waits for a future budget slot; the pair's other requests take
 * only a slot that is free now, else answer at once from the curve. A burst of one pair's requests therefore cannot
 * reserve the slots that the next request of another pair is due: under contention active pairs take the budget
 * in turn.
 */
public final class RequestLane implements AutoCloseable {

    private final int maxConcurrency;
    private final Semaphore permits;
    private final Executor workers;
    private final ScheduledExecutorService deadlines;
    private final Clock clock;
    private final Set<Object> waiting = ConcurrentHashMap.newKeySet();
    private final Runnable shutdown;

    /**
     * @param workers   runs the calls; must be able to run {@code maxConcurrency} of them at once
     * @param deadlines completes a call's answer at its deadline when the call has not
     */
    public RequestLane(int maxConcurrency, Executor workers, ScheduledExecutorService deadlines, Clock clock) {
        this(maxConcurrency, workers, deadlines, clock, () -> {
        });
    }

    private RequestLane(int maxConcurrency, Executor workers, ScheduledExecutorService deadlines, Clock clock,
            Runnable shutdown) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be positive: " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.permits = new Semaphore(maxConcurrency);
        this.workers = workers;
        this.deadlines = deadlines;
        this.clock = clock;
        this.shutdown = shutdown;
    }

    /** The service's lane: {@code maxConcurrency} worker threads, started on demand, and one deadline thread. */
    public static RequestLane ofThreads(int maxConcurrency, Clock clock) {
        ExecutorService workers = Executors.newFixedThreadPool(maxConcurrency, named("jupiter-call-"));
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(named("jupiter-deadline-"));
        return new RequestLane(maxConcurrency, workers, deadlines, clock, () -> {
            workers.shutdownNow();
            deadlines.shutdownNow();
        });
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Calls in flight (or waiting for their slot) right now. */
    public int inFlight() {
        return maxConcurrency - permits.availablePermits();
    }

    /** Takes a permit if one is free now; never waits. */
    boolean tryEnter() {
        return permits.tryAcquire();
    }

    /** Gives back the permit of a call that has ended (or never started). */
    void exit() {
        permits.release();
    }

    /** Whether this caller became the one of {@code pair} that may wait for a future slot. */
    boolean claimWait(Object pair) {
        return waiting.add(pair);
    }

    void endWait(Object pair) {
        waiting.remove(pair);
    }

    /** Runs a call on a worker thread. */
    void run(Runnable call) {
        workers.execute(call);
    }

    /**
     * Completes {@code answer} with {@code late} at {@code deadline} unless it is complete by then. What follows
     * the answer then runs on the deadline thread, so it must not block (the quoter's fallbacks are computations and
     * an asynchronous send).
     */
    <T> CompletableFuture<T> within(CompletableFuture<T> answer, Instant deadline, Supplier<T> late) {
        if (answer.isDone()) {
            return answer;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            answer.complete(late.get());
        }, delay, TimeUnit.NANOSECONDS);
        answer.whenComplete((result, failure) -> timer.cancel(false));
        return answer;
    }

    @Override
    public void close() {
        shutdown.run();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
