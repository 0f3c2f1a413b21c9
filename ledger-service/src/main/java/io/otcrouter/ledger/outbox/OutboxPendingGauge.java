package io.otcrouter.ledger.outbox;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Exposes how many outbox rows wait for the broker's ack: it grows when Kafka is unreachable or the relay falls
 * behind. Counted at each scrape, on the partial index of unpublished rows.
 */
@Component
class OutboxPendingGauge {

    OutboxPendingGauge(OutboxRepository outbox, MeterRegistry registry) {
        Gauge.builder("otc.outbox.pending", outbox, OutboxRepository::countByPublishedAtIsNull)
                .description("Outbox rows not yet published to Kafka").register(registry);
    }
}
