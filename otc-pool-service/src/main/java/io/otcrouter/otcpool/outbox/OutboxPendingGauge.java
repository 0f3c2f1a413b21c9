package io.otcrouter.otcpool.outbox;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes how many outbox rows wait for the relay, as of the last count: a growing number means Kafka is not
 * taking them. Counted on a schedule (a partial index keeps it cheap) so a scrape never waits for the database.
 */
@Component
class OutboxPendingGauge {

    static final String PENDING = "otc.outbox.pending";

    private static final Logger log = LoggerFactory.getLogger(OutboxPendingGauge.class);

    private final OutboxRepository repository;
    private final AtomicLong pending = new AtomicLong();

    OutboxPendingGauge(OutboxRepository repository, MeterRegistry registry) {
        this.repository = repository;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka, as of the last count")
                .register(registry);
    }

    @Scheduled(fixedDelay = 5_000)
    void refresh() {
        try {
            pending.set(repository.countUnpublished());
        } catch (DataAccessException e) {
            log.warn("Outbox pending gauge not refreshed; it keeps its last value: {}", e.getMessage());
        }
    }
}
