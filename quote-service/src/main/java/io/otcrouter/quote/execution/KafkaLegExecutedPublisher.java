package io.otcrouter.quote.execution;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.catalog.Topics;

/**
 * Publishes on {@code JUPITER_EXECUTED}, key = tradeId so a trade's legs stay in order with its decision. Waits
 * for the acknowledgement: a leg counts as executed only once its event is on the broker.
 */
@Component
class KafkaLegExecutedPublisher implements LegExecutedPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;

    KafkaLegExecutedPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    @Override
    public void publish(LegExecuted event) {
        kafkaTemplate.send(Topics.JUPITER_EXECUTED.name(), event.getTradeId(), event).join();
    }
}
