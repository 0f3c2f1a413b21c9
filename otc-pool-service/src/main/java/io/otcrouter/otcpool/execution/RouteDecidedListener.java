package io.otcrouter.otcpool.execution;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.config.KafkaConfig;

/**
 * Hands each routing decision to {@link PoolExecution}, which ignores DEX legs. Redelivery is safe: a leg already
 * in {@code pool_fill} (unique tradeId + legId) is skipped, in the same transaction that would have filled it. Its
 * container also tracks how far the topic has been read (see {@link KafkaConfig}).
 */
@Component
class RouteDecidedListener {

    private final PoolExecution execution;

    RouteDecidedListener(PoolExecution execution) {
        this.execution = execution;
    }

    @KafkaListener(topics = Topics.Names.ROUTES_DECIDED, containerFactory = KafkaConfig.DECISION_LISTENER_FACTORY)
    void on(RouteDecided decision) {
        execution.execute(decision);
    }
}
