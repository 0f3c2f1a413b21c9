package io.otcrouter.otcpool.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import io.otcrouter.otcpool.config.PoolProperties;
import io.otcrouter.outbox.DependencyOutage;

/**
 * Runs fill completions when their simulated delay is over, on a small pool of threads of its own, so a delayed
 * fill holds no consumer thread and one pool's delay never holds up another's fills. A PENDING fill survives a
 * crash in the database; the recovery sweep completes every one that is past due (also right after a restart).
 * Running a completion twice is harmless: it locks the row and acts only while it is PENDING.
 */
@Component
class FillScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FillScheduler.class);
    private static final int RECOVERY_BATCH = 500;

    private final FillCompletion completion;
    private final PoolFillRepository fills;
    private final PoolProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final DependencyOutage recoveryOutage = new DependencyOutage(log,
            "Overdue pending fills not looked for, the database is unreachable; the recovery sweep looks every run",
            "Overdue pending fills are looked for again: the database answers");

    FillScheduler(FillCompletion completion, PoolFillRepository fills, PoolProperties properties,
            Clock clock) {
        this.completion = completion;
        this.fills = fills;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(properties.executionThreads(), task -> {
            Thread thread = new Thread(task, "otc-fill-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void schedule(long fillId, Instant dueAt) {
        long delayMs = Math.max(0, Duration.between(Instant.now(clock), dueAt).toMillis());
        executor.schedule(() -> run(fillId), delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Completes PENDING fills past due by more than one sweep interval: those whose task was lost (restart). While the
     * database is away the run does nothing and the next one looks again; the outage is logged once, as a warning.
     */
    @Scheduled(fixedDelayString = "${otc.pools.execution-recovery-interval:1s}")
    public void recoverDue() {
        Instant overdue = Instant.now(clock).minus(properties.executionRecoveryInterval());
        List<Long> due;
        try {
            due = fills.findDuePending(overdue, RECOVERY_BATCH);
        } catch (DataAccessException | TransactionException e) {
            recoveryOutage.failed(e);
            return;
        }
        recoveryOutage.answered();
        for (Long id : due) {
            executor.execute(() -> run(id));
        }
    }

    private void run(long fillId) {
        try {
            completion.complete(fillId);
        } catch (RuntimeException e) {
            // Left PENDING; the recovery sweep tries again.
            log.warn("Completing fill {} failed; it stays pending and is retried", fillId, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
