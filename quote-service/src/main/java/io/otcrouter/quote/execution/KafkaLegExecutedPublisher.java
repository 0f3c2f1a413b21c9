package io.otcrouter.quote.execution;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * Publishes on {@code JUPITER_EXECUTED}, key = tradeId so a trade's legs stay in order with its decision. Waits
 * for the acknowledgement: a leg counts as executed only once its event is on the broker, and only then
 * is it counted in {@code otc.dex.fills}.
 */
@Component
class KafkaLegExecutedPublisher implements LegExecutedPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final QuoteMetrics metrics;

    KafkaLegExecutedPublisher(KafkaTemplate<String, Object> kafkaTemplate, QuoteMetrics metrics) {
        this.kafkaTemplate = kafkaTemplate;
        this.metrics = metrics;
    }

    @Override
    public void publish(LegExecuted event) {
        kafkaTemplate.send(Topics.JUPITER_EXECUTED.name(), event.getTradeId(), event).join();
        metrics.legExecuted(event);
    }
}
