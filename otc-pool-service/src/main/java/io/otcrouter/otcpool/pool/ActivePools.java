package io.otcrouter.otcpool.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The active pools as quoting sees them, read from the database at most every {@link #MAX_AGE} instead of for every
 * quote request: that read (pools and their size tiers) was most of the work of a refusal, and the quote consumer
 * answers one request at a time, so it made the pools the slowest venue under load. An admin change takes effect
 * at once ({@link #changed()}); inventory moved by fills shows in the skew within {@link #MAX_AGE}. Nothing here
 * guards inventory: a firm quote is reserved by a guarded update on the current row.
 *
 * <p>The pools are detached entities shared between threads; quoting only reads them.
 */
@Component
public class ActivePools {

    public static final Duration MAX_AGE = Duration.ofMillis(200);

    private final PoolRepository pools;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public ActivePools(PoolRepository pools, Clock clock) {
        this.pools = pools;
        this.clock = clock;
    }

    /** The active pools by id, read at most {@link #MAX_AGE} ago. */
    public List<Pool> current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(MAX_AGE))) {
            current = new Snapshot(List.copyOf(pools.findByActiveTrueOrderById()), now);
            snapshot = current;
        }
        return current.pools();
    }

    /** A pool was created or changed: read them again, after the surrounding transaction commits if there is one. */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        } else {
            snapshot = null;
        }
    }

    private record Snapshot(List<Pool> pools, Instant readAt) {
    }
}
