package io.otcrouter.quote.execution;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.kafka.Sends;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * Publishes on {@code JUPITER_EXECUTED}, key = tradeId so a trade's legs stay in order with its decision. A leg
 * counts as executed only once its event is on the broker: only then is it counted in {@code otc.dex.fills}, and
 * the listener waits for that acknowledgement before its batch is committed.
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
    public CompletableFuture<Void> publish(LegExecuted event) {
        return Sends.send(kafkaTemplate, Topics.JUPITER_EXECUTED, event.getTradeId(), event,
                () -> metrics.legExecuted(event));
    }
}
