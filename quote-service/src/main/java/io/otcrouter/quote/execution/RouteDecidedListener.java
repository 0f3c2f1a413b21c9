package io.otcrouter.quote.execution;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.quote.kafka.RecordBatch;

/**
 * Hands every routing decision of a poll to {@link DexLegExecutor}, which executes its DEX legs, and returns once
 * all their LegExecuted are on the broker (see {@link RecordBatch}). Duplicate deliveries, such as the rest of a
 * batch redelivered after a failure, are dropped per (tradeId, legId) by the executor; ledger-service is
 * idempotent on the same key as a second guard.
 */
@Component
class RouteDecidedListener {

    private final DexLegExecutor executor;

    RouteDecidedListener(DexLegExecutor executor) {
        this.executor = executor;
    }

    @KafkaListener(batch = "true", topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
    void on(List<ConsumerRecord<String, Object>> decisions) {
        RecordBatch.handleEach(decisions, RouteDecided.class, executor::execute);
    }
}
