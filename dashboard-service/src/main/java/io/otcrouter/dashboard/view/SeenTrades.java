package io.otcrouter.dashboard.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The memory of the duplicate check: per partition, the trade ids of the last {@code perPartition} settlements read
 * from it. Settlements are keyed by tradeId, so a copy of a settlement lands on its original's partition, behind it;
 * it is recognised while fewer than {@code perPartition} other settlements were written to that partition in between.
 * Per partition and by offset, so a restart that reads the same records again remembers the same ids whatever order
 * the partitions are read in. Not thread-safe: {@link SettlementProjection} holds its lock around every call.
 */
final class SeenTrades {

    private record Seen(String tradeId, long offset) {
    }

    private final int perPartition;
    private final Set<String> tradeIds = new HashSet<>();
    private final Map<Integer, Deque<Seen>> byPartition = new HashMap<>();

    SeenTrades(int perPartition) {
        if (perPartition < 1) {
            throw new IllegalArgumentException("the duplicate check must remember at least one trade: "
                    + perPartition);
        }
        this.perPartition = perPartition;
    }

    boolean contains(String tradeId) {
        return tradeIds.contains(tradeId);
    }

    int size() {
        return tradeIds.size();
    }

    /** Remembers a trade read at {@code offset}; the partition's oldest one is forgotten when it holds enough. */
    void add(String tradeId, int partition, long offset) {
        Deque<Seen> seen = byPartition.computeIfAbsent(partition, ignored -> new ArrayDeque<>());
        seen.addLast(new Seen(tradeId, offset));
        tradeIds.add(tradeId);
        if (seen.size() > perPartition) {
            tradeIds.remove(seen.removeFirst().tradeId());
        }
    }

    /** Per partition, the offset of the oldest trade remembered. */
    Map<Integer, Long> oldestOffsets() {
        Map<Integer, Long> oldest = new HashMap<>();
        byPartition.forEach((partition, seen) -> {
            if (!seen.isEmpty()) {
                oldest.put(partition, seen.peekFirst().offset());
            }
        });
        return oldest;
    }
}
