package io.otcrouter.quote.quoting;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * Publishes on {@code JUPITER_QUOTED}, key = pair so all quotes of a pair stay in order. Waits for the broker's
 * acknowledgement so a failed send fails the listener and the request is retried, not silently unanswered. Only
 * an answer on the broker is counted in {@code otc.jupiter.quotes}.
 */
@Component
class KafkaJupiterQuotedPublisher implements JupiterQuotedPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final QuoteMetrics metrics;

    KafkaJupiterQuotedPublisher(KafkaTemplate<String, Object> kafkaTemplate, QuoteMetrics metrics) {
        this.kafkaTemplate = kafkaTemplate;
        this.metrics = metrics;
    }

    @Override
    public void publish(JupiterQuoted event) {
        kafkaTemplate.send(Topics.JUPITER_QUOTED.name(), event.getPair(), event).join();
        metrics.quoteAnswered(event);
    }
}
