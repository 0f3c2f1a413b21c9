package io.otcrouter.router.quoting;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;

/** Keyed by pair so the venues see the requests of one market in order. */
@Component
class KafkaQuoteRequestPublisher implements QuoteRequestPublisher {

    private final KafkaTemplate<String, Object> kafka;

    KafkaQuoteRequestPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(QuoteRequested request) {
        kafka.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request);
    }
}
