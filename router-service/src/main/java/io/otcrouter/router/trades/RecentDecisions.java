package io.otcrouter.router.trades;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;

/**
 * The last decisions of this instance, for {@code GET /api/trades/{id}}. Bounded: the ledger is the record of
 * every trade; this only lets a client read back what it was just told.
 */
@Component
public class RecentDecisions {

    private static final int CAPACITY = 10_000;

    private final Map<String, RouteDecided> byTradeId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RouteDecided> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void remember(RouteDecided decision) {
        byTradeId.put(decision.getTradeId(), decision);
    }

    public synchronized Optional<RouteDecided> find(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId));
    }
}
