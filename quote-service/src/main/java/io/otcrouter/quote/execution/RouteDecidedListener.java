package io.otcrouter.quote.execution;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;

/**
 * Hands each routing decision to {@link DexLegExecutor}, which executes its DEX legs. Duplicate deliveries are
 * dropped per (tradeId, legId) by the executor; ledger-service is idempotent on the same key as a second guard.
 */
@Component
class RouteDecidedListener {

    private final DexLegExecutor executor;

    RouteDecidedListener(DexLegExecutor executor) {
        this.executor = executor;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
    void on(RouteDecided decision) {
        executor.execute(decision);
    }
}
