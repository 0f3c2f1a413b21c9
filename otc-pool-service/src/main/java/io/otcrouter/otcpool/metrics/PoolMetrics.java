package io.otcrouter.otcpool.metrics;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.PoolQuoted;

/**
 * Counts what the pools answer and how their legs end, by pool and status. The pool tag only ever holds the id of a
 * pool in this service's database ({@value #NO_POOL} or {@value #UNKNOWN_POOL} otherwise), never a value taken
 * from an incoming event, so its cardinality is the number of pools.
 */
@Component
public class PoolMetrics {

    static final String QUOTES = "otc.pool.quotes";
    static final String FILLS = "otc.pool.fills";
    static final String SKIPPED = "otc.pool.quote.requests.skipped";
    /** Pool tag of a NO_POOL answer: no pool serves the pair. */
    public static final String NO_POOL = "none";
    /** Pool tag of a leg naming a pool this service does not have. */
    public static final String UNKNOWN_POOL = "unknown";

    private final MeterRegistry registry;

    public PoolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One answer published to a quote request. */
    public void quoted(PoolQuoted quote) {
        String pool = quote.getPoolId() == null ? NO_POOL : quote.getPoolId();
        Counter.builder(QUOTES).description("Pool answers to quote requests, by pool and status")
                .tag("pool", pool).tag("status", quote.getStatus().name())
                .register(registry).increment();
    }

    /** A quote request not answered because the router's reply deadline had passed when it was read. */
    public void requestSkipped() {
        Counter.builder(SKIPPED).description("Quote requests read after their reply deadline, not answered")
                .register(registry).increment();
    }

    /**
     * One leg filled or rejected. Counted when the surrounding transaction commits (at once outside one), so a fill
     * rolled back and completed again later is counted once.
     */
    public void legCompleted(String poolId, String status) {
        Counter counter = Counter.builder(FILLS).description("OTC legs completed, by pool and outcome")
                .tag("pool", poolId == null ? UNKNOWN_POOL : poolId).tag("status", status)
                .register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
