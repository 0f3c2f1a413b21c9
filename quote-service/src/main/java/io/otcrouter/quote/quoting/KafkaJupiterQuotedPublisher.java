package io.otcrouter.quote.quoting;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.kafka.Sends;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * Publishes on {@code JUPITER_QUOTED}, key = pair. Only an answer on the broker is counted in
 * {@code otc.jupiter.quotes}; a failed send is logged by the responder and the request goes unanswered, which the
 * router treats as the DEX venue being unavailable for that trade.
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
    public CompletableFuture<Void> publish(JupiterQuoted event) {
        return Sends.send(kafkaTemplate, Topics.JUPITER_QUOTED, event.getPair(), event,
                () -> metrics.quoteAnswered(event));
    }
}
