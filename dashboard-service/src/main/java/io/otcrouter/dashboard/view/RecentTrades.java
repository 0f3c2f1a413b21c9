package io.otcrouter.dashboard.view;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The bounded window of the most recently received settlements, with their cost analysis: what the trade table and
 * the trade detail page show, and all the memory the duplicate check has. When it is full, the settlement received
 * longest ago leaves it (arrival order, not {@code settledAt}: a duplicate is judged by how long after its original
 * it arrives). The table lists the window newest {@code settledAt} first.
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
    private final LinkedHashMap<String, Entry> byArrival = new LinkedHashMap<>();
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
        return byArrival.size();
    }

    boolean contains(String tradeId) {
        return byArrival.containsKey(tradeId);
    }

    /** Adds a trade not in the window; the one received longest ago leaves when the window is full. */
    void add(SettlementDetail detail, int partition, long offset) {
        byArrival.put(detail.trade().tradeId(), new Entry(detail, partition, offset));
        newestFirst.add(detail);
        if (byArrival.size() > capacity) {
            Iterator<Entry> eldest = byArrival.values().iterator();
            newestFirst.remove(eldest.next().detail());
            eldest.remove();
        }
    }

    Optional<SettlementDetail> detail(String tradeId) {
        return Optional.ofNullable(byArrival.get(tradeId)).map(Entry::detail);
    }

    List<SettledTrade> newest(int limit) {
        return newestFirst.stream().limit(Math.max(0, limit)).map(SettlementDetail::trade).toList();
    }

    /**
     * Per partition, the offset of the oldest record in the window. A partition's records arrive in offset order
     * and leave in arrival order, so its first entry in arrival order is its oldest.
     */
    Map<Integer, Long> oldestOffsets() {
        Map<Integer, Long> oldest = new HashMap<>();
        for (Entry entry : byArrival.values()) {
            oldest.putIfAbsent(entry.partition(), entry.offset());
        }
        return oldest;
    }
}
