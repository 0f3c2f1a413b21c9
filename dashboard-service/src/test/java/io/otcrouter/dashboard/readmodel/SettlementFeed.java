package io.otcrouter.dashboard.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;

/**
 * Hands events to the projections as a Kafka listener would: each published record at the next offset of its partition
 * (partition 0 unless said), and a redelivery at an offset already used. Keeps the settlements it published, as the
 * topic does, so that a restart can be replayed from chosen offsets.
 */
final class SettlementFeed {

    /** One record of the settlement topic. */
    record Record(TradeSettled event, int partition, long offset) {
    }

    private final SettlementProjection settlements;
    private final RouteDecisionProjection decisions;
    private final Map<Integer, Long> nextSettled = new HashMap<>();
    private final Map<Integer, Long> nextDecided = new HashMap<>();
    private final List<Record> topic = new ArrayList<>();

    SettlementFeed(SettlementProjection settlements) {
        this(settlements, null);
    }

    SettlementFeed(SettlementProjection settlements, RouteDecisionProjection decisions) {
        this.settlements = settlements;
        this.decisions = decisions;
    }

    /** A settlement written to the topic (the original or a copy the ledger sent again). */
    boolean publish(TradeSettled event) {
        return publish(event, 0);
    }

    boolean publish(TradeSettled event, int partition) {
        Record record = new Record(event, partition, take(nextSettled, partition));
        topic.add(record);
        return settlements.apply(event, partition, record.offset());
    }

    /** Every settlement published, in the order it was published. */
    List<Record> topic() {
        return List.copyOf(topic);
    }

    /** The record at {@code offset} read again (after a rebalance, a retry or a restart). */
    boolean redeliver(TradeSettled event, int partition, long offset) {
        return settlements.apply(event, partition, offset);
    }

    boolean publish(RouteDecided event) {
        return decisions.apply(event, 0, take(nextDecided, 0));
    }

    /** The offset the next settlement on {@code partition} gets. */
    long nextOffset(int partition) {
        return nextSettled.getOrDefault(partition, 0L);
    }

    private static long take(Map<Integer, Long> next, int partition) {
        long offset = next.getOrDefault(partition, 0L);
        next.put(partition, offset + 1);
        return offset;
    }
}
