package io.otcrouter.dashboard.readmodel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory of the duplicate check: per partition, the trade ids and settlement revisions of the last
 * {@code perPartition} settlements read from it. Settlements are keyed by tradeId, so a copy of a settlement lands on
 * its original's partition, behind it, and so does a correction (the next revision); a copy is recognised — a
 * revision not above the latest one seen of its trade — while fewer than {@code perPartition} other settlements were
 * written to that partition in between. Per partition and by offset, so a restart that reads the same records again
 * remembers the same revisions whatever order the partitions are read in. Not thread-safe:
 * {@link SettlementProjection} holds its lock around every call.
 */
final class SeenTrades {

    private record Seen(String tradeId, int revision, long offset) {
    }

    private final int perPartition;
    /** Per trade, its latest revision seen (the one entry of the partition deque that names it last). */
    private final Map<String, Seen> latest = new HashMap<>();
    private final Map<Integer, Deque<Seen>> byPartition = new HashMap<>();

    SeenTrades(int perPartition) {
        if (perPartition < 1) {
            throw new IllegalArgumentException("the duplicate check must remember at least one trade: "
                    + perPartition);
        }
        this.perPartition = perPartition;
    }

    /** The latest revision of the trade's settlement remembered, 0 when none is. */
    int revision(String tradeId) {
        Seen seen = latest.get(tradeId);
        return seen == null ? 0 : seen.revision();
    }

    int size() {
        return latest.size();
    }

    /**
     * Remembers a revision of a trade's settlement read at {@code offset}; the partition's oldest entry is forgotten
     * when it holds enough (and its trade with it, unless a later revision of that trade is remembered).
     */
    void add(String tradeId, int revision, int partition, long offset) {
        Deque<Seen> seen = byPartition.computeIfAbsent(partition, ignored -> new ArrayDeque<>());
        Seen entry = new Seen(tradeId, revision, offset);
        seen.addLast(entry);
        latest.put(tradeId, entry);
        if (seen.size() > perPartition) {
            Seen forgotten = seen.removeFirst();
            latest.remove(forgotten.tradeId(), forgotten);
        }
    }

    /** Per partition, the offset of the oldest settlement remembered. */
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
