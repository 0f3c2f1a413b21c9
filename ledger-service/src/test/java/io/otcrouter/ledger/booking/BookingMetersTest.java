package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BookingMetersTest {

    private static final String DEX_TOPIC = "otc.jupiter.executed.v1";
    private static final String OTC_TOPIC = "otc.pools.executed.v1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BookingMeters meters = new BookingMeters(registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldRecordTheSizeOfABookedBatchOncePerTopicItHolds() {
        meters.batchBooked(List.of(record(DEX_TOPIC), record(OTC_TOPIC), record(OTC_TOPIC)));

        DistributionSummary otc = registry.get("otc.ledger.batch.size").tag("topic", OTC_TOPIC).summary();
        DistributionSummary dex = registry.get("otc.ledger.batch.size").tag("topic", DEX_TOPIC).summary();
        assertThat(otc.count()).isEqualTo(1);
        assertThat(otc.totalAmount()).isEqualTo(2);
        assertThat(dex.totalAmount()).isEqualTo(1);
    }

    @Test
    void shouldCountSettledTradesOnlyOnceTheirTransactionCommits() {
        TransactionSynchronizationManager.initSynchronization();

        meters.settled(List.of(TradeState.FILLED, TradeState.FILLED, TradeState.FAILED));

        assertThat(settledCount(TradeState.FILLED)).isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(settledCount(TradeState.FILLED)).isEqualTo(2);
        assertThat(settledCount(TradeState.FAILED)).isEqualTo(1);
        assertThat(settledCount(TradeState.PARTIALLY_FILLED)).isZero();
    }

    @Test
    void shouldNotCountTradesSettledInATransactionThatRollsBack() {
        TransactionSynchronizationManager.initSynchronization();

        meters.settled(List.of(TradeState.FILLED));

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(settledCount(TradeState.FILLED)).isZero();
    }

    private double settledCount(TradeState status) {
        return registry.get("otc.ledger.trades.settled").tag("status", status.name()).counter().count();
    }

    private static ConsumerRecord<String, Object> record(String topic) {
        return new ConsumerRecord<>(topic, 0, 0L, "trade-1", null);
    }
}
