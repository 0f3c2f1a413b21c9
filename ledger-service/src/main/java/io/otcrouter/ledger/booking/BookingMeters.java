package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The booking's Prometheus meters (not to be confused with the system_metrics rows of {@link SettlementMetrics}):
 * records per booked batch by topic, settled trades by status, and corrected settlements by the status they had and
 * the one they got. Tags stay low-cardinality: never a trade id.
 */
@Component
class BookingMeters {

    private final MeterRegistry registry;
    private final Map<TradeState, Counter> settled = new EnumMap<>(TradeState.class);

    BookingMeters(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front, so a status that has not happened yet reads 0 instead of being absent.
        for (TradeState status : List.of(TradeState.FILLED, TradeState.PARTIALLY_FILLED, TradeState.FAILED)) {
            settled.put(status, Counter.builder("otc.ledger.trades.settled").tag("status", status.name())
                    .description("Trades settled, by final status").register(registry));
        }
    }

    /** Records the size of a booked batch, once per topic it holds (the executions listener reads two). */
    void batchBooked(List<? extends ConsumerRecord<?, ?>> booked) {
        Map<String, Long> perTopic = booked.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::topic, TreeMap::new, Collectors.counting()));
        perTopic.forEach((topic, records) -> DistributionSummary.builder("otc.ledger.batch.size").tag("topic", topic)
                .description("Records per booked batch").register(registry).record(records));
    }

    /**
     * Counts settled trades once their transaction has committed: a batch that rolls back is redelivered and settles
     * the same trades again, which must not count twice.
     */
    void settled(Collection<TradeState> statuses) {
        if (!statuses.isEmpty()) {
            afterCommit(() -> statuses.forEach(status -> settled.get(status).increment()));
        }
    }

    /** Counts corrected settlements (a leg booked after its trade settled), from and to which status, once committed. */
    void corrected(Collection<Correction> corrections) {
        if (!corrections.isEmpty()) {
            afterCommit(() -> corrections.forEach(correction -> Counter.builder("otc.ledger.settlements.corrected")
                    .tag("from", correction.from().name()).tag("to", correction.to().name())
                    .description("Settlements corrected by a leg booked after the trade settled")
                    .register(registry).increment()));
        }
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    /** A settlement of status {@code from} settled again as {@code to}. */
    record Correction(TradeState from, TradeState to) {
    }
}
