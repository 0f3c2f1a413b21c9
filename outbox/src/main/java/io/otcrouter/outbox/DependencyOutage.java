package io.otcrouter.outbox;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * What a periodic task logs while a dependency (PostgreSQL, the Kafka broker) is briefly away: a dependency that is
 * away is waited for, not shouted about. The first failed run says so in one WARN line (the failure's message and its
 * root cause's, no stack trace), the runs after it say nothing, and the first run that reaches the dependency again
 * says so in one INFO line; the next outage warns again. The task decides which failures mean "away" (for the
 * database: {@link #isDatabaseAway}) and lets every other one propagate. One instance per task and dependency.
 *
 * <p>Used by the outbox's own tasks and by otc-pool-service's sweeps.
 */
public final class DependencyOutage {

    private final Logger log;
    private final String warning;
    private final String recovery;
    private final AtomicBoolean ongoing = new AtomicBoolean();

    /**
     * @param log      the task's own logger, so the lines keep its category
     * @param warning  what the outage holds up; the failure's message is appended
     * @param recovery what is done again once the dependency answers
     */
    public DependencyOutage(Logger log, String warning, String recovery) {
        this.log = log;
        this.warning = warning;
        this.recovery = recovery;
    }

    /** Whether a failure means the database is away (cannot connect, cannot begin or commit), not a bug. */
    public static boolean isDatabaseAway(Throwable e) {
        return e instanceof DataAccessException || e instanceof TransactionException;
    }

    /** A run found the dependency away: one warning for the whole outage. */
    public void failed(Throwable e) {
        if (ongoing.compareAndSet(false, true)) {
            log.warn("{}: {}", warning, message(e));
        }
    }

    /** A run reached the dependency: one line if that ends an outage, nothing otherwise. */
    public void answered() {
        if (ongoing.compareAndSet(true, false)) {
            log.info(recovery);
        }
    }

    /** Whether the last run found the dependency away. */
    public boolean isOngoing() {
        return ongoing.get();
    }

    /** The failure's message, and its root cause's (e.g. the refused connection) unless it says that already. */
    static String message(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String cause = root == e ? null : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return cause == null || message.contains(cause) ? message : message + ": " + cause;
    }
}
