package io.otcrouter.quote.execution;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.config.LegExecutionKafka;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * Publishes on {@code JUPITER_EXECUTED}, key = tradeId so a trade's legs stay in order with its decision, through
 * the transactional producer of leg execution: the event is part of the Kafka transaction that also commits the
 * decision's offset, and is counted in {@code otc.dex.fills} only once that transaction has committed.
 */
@Component
class KafkaLegExecutedPublisher implements LegExecutedPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final QuoteMetrics metrics;

    KafkaLegExecutedPublisher(@Qualifier(LegExecutionKafka.TEMPLATE) KafkaTemplate<String, Object> kafkaTemplate,
            QuoteMetrics metrics) {
        this.kafkaTemplate = kafkaTemplate;
        this.metrics = metrics;
    }

    @Override
    public void publish(LegExecuted event) {
        kafkaTemplate.send(Topics.JUPITER_EXECUTED.name(), event.getTradeId(), event);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.legExecuted(event);
            }
        });
    }
}
