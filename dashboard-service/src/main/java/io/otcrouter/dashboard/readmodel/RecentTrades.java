package io.otcrouter.dashboard.readmodel;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The bounded window of recent settlements with their cost analysis: the latest {@code capacity} trades by
 * {@code settledAt}, what the trade table and the trade detail page show. Which trades it holds depends only on which
 * records were read, not on the order the partitions were read in, so a restart that reads the same records again
 * rebuilds the same window.
 *
 * <p>Each entry remembers where its record sits in the topic, so that a snapshot can say from which offset a restart
 * must read again to fill the window. Not thread-safe: {@link SettlementProjection} holds its lock around every call.
 */
final class RecentTrades {

    private static final Comparator<SettlementDetail> NEWEST_FIRST = Comparator
            .comparing((SettlementDetail detail) -> detail.trade().settledAt()).reversed()
            .thenComparing(detail -> detail.trade().tradeId());

    private record Entry(SettlementDetail detail, int partition, long offset) {
    }

    private final int capacity;
    private final Map<String, Entry> byTradeId = new HashMap<>();
    private final NavigableSet<SettlementDetail> newestFirst = new TreeSet<>(NEWEST_FIRST);

    RecentTrades(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the recent-trades window must hold at least one trade: " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return byTradeId.size();
    }

    /**
     * Adds a trade's settlement, or replaces the one the window holds (a correction); when it is full, the trade
     * settled longest ago leaves (maybe this one).
     */
    void put(SettlementDetail detail, int partition, long offset) {
        Entry previous = byTradeId.put(detail.trade().tradeId(), new Entry(detail, partition, offset));
        if (previous != null) {
            newestFirst.remove(previous.detail());
        }
        newestFirst.add(detail);
        if (newestFirst.size() > capacity) {
            byTradeId.remove(newestFirst.pollLast().trade().tradeId());
        }
    }

    Optional<SettlementDetail> detail(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId)).map(Entry::detail);
    }

    List<SettledTrade> newest(int limit) {
        return newestFirst.stream().limit(Math.max(0, limit)).map(SettlementDetail::trade).toList();
    }

    /** Per partition, the lowest offset of a trade in the window. */
    Map<Integer, Long> oldestOffsets() {
        Map<Integer, Long> oldest = new HashMap<>();
        byTradeId.values().forEach(entry -> oldest.merge(entry.partition(), entry.offset(), Math::min));
        return oldest;
    }
}
