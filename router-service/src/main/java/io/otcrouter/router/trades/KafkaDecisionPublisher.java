package io.otcrouter.router.trades;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;

/** Keyed by tradeId: the decision and its executions stay in order for the ledger. */
@Component
class KafkaDecisionPublisher implements DecisionPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 10;

    private final KafkaTemplate<String, Object> kafka;

    KafkaDecisionPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(RouteDecided decision) {
        try {
            kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision)
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionNotPublishedException(decision.getTradeId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DecisionNotPublishedException(decision.getTradeId(), e);
        }
    }
}
