package io.otcrouter.otcpool.outage;

import org.slf4j.Logger;
import org.springframework.core.NestedExceptionUtils;

/**
 * What a periodic database task logs while PostgreSQL is briefly away: a dependency that is away is waited for, not
 * shouted about. The first failed run says so in one WARN line (the failure's message, no stack trace), the runs after
 * it say nothing, and the first run that succeeds again says so in one INFO line. The task catches the failures that
 * mean the database is away ({@code DataAccessException}, {@code TransactionException}) and calls {@link #failed};
 * anything else is a bug and keeps propagating. One instance per task, called from that task's scheduler thread.
 */
public final class DatabaseOutage {

    private final Logger log;
    private final String warning;
    private final String recovery;
    private volatile boolean ongoing;

    /**
     * @param log      the task's own logger, so the lines keep its category
     * @param warning  what the outage holds up; the failure's message is appended
     * @param recovery what is done again once the database answers
     */
    public DatabaseOutage(Logger log, String warning, String recovery) {
        this.log = log;
        this.warning = warning;
        this.recovery = recovery;
    }

    /** A run found the database away: one warning for the whole outage. */
    public void failed(RuntimeException e) {
        if (!ongoing) {
            ongoing = true;
            log.warn("{}: {}", warning, message(e));
        }
    }

    /** A run reached the database: one line if that ends an outage, nothing otherwise. */
    public void answered() {
        if (ongoing) {
            ongoing = false;
            log.info(recovery);
        }
    }

    /** The failure's message, and its root cause's (e.g. the refused connection) unless it says that already. */
    private static String message(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        return cause == null || message.contains(cause) ? message : message + ": " + cause;
    }
}
