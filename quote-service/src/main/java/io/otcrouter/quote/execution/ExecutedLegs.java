package io.otcrouter.quote.execution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent (tradeId, legId) pairs this instance executed, so a redelivered RouteDecided does not paper-
 * execute a DEX leg twice. Bounded (oldest forgotten first) and in memory only: after a restart or a partition
 * moving to another instance a leg may be executed again, which ledger-service tolerates because it books a
 * leg once per (tradeId, legId).
 */
class ExecutedLegs {

    private final Map<LegKey, Boolean> recent;

    ExecutedLegs(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LegKey, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String tradeId, String legId) {
        return recent.containsKey(new LegKey(tradeId, legId));
    }

    synchronized void add(String tradeId, String legId) {
        recent.put(new LegKey(tradeId, legId), Boolean.TRUE);
    }

    /** Forgets a leg whose event never reached the broker, so the redelivered decision executes it again. */
    synchronized void remove(String tradeId, String legId) {
        recent.remove(new LegKey(tradeId, legId));
    }

    private record LegKey(String tradeId, String legId) {
    }
}
