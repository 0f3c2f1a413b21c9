package io.otcrouter.router.trades;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;

/** Keyed by tradeId: the decision and its executions stay in order for the ledger. */
@Component
class KafkaDecisionPublisher implements DecisionPublisher {

    private final KafkaTemplate<String, Object> kafka;

    KafkaDecisionPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public CompletableFuture<?> publish(RouteDecided decision) {
        try {
            return kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
        } catch (RuntimeException refused) {
            // Thrown before the record reached the producer's buffer (no metadata within max.block.ms, a full
            // buffer, serialization, a closed producer; the template throws an immediate failure too): never sent.
            throw new DecisionNotPublishedException(decision.getTradeId(), refused);
        }
    }
}
