package io.otcrouter.outbox;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes how many outbox rows wait for the relay ({@code otc.outbox.pending}), as of the last count: a growing
 * number means Kafka is not taking them or the relay falls behind. Counted on a schedule (a partial index on
 * unpublished ids keeps it cheap), so a scrape never waits for the database, even while it is unreachable (one WARN
 * line per outage, not one per count).
 */
public class OutboxPendingGauge {

    static final String PENDING = "otc.outbox.pending";

    private static final Logger log = LoggerFactory.getLogger(OutboxPendingGauge.class);

    private final OutboxRepository repository;
    private final AtomicLong pending = new AtomicLong();
    private final DependencyOutage outage = new DependencyOutage(log,
            "Outbox pending gauge not refreshed while the database is away; it keeps its last value",
            "Outbox pending gauge refreshed again");

    public OutboxPendingGauge(OutboxRepository repository, MeterRegistry registry) {
        this.repository = repository;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka, as of the last count").register(registry);
    }

    // Reads the same property as OutboxProperties#pendingCountInterval; an annotation needs it as a placeholder.
    @Scheduled(fixedDelayString = "${otc.outbox.pending-count-interval:5s}")
    void refresh() {
        try {
            pending.set(repository.countUnpublished());
            outage.answered();
        } catch (RuntimeException e) {
            if (!DependencyOutage.isDatabaseAway(e)) {
                throw e;
            }
            outage.failed(e);
        }
    }
}
