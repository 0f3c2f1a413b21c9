package io.otcrouter.quote.quoting;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.QuoteRequested;

/**
 * Hands each quote request to {@link QuoteResponder}. A redelivered request is answered again with the same
 * requestId; the router keeps the first reply per requestId and venue, and ignores replies after its deadline.
 */
@Component
class QuoteRequestListener {

    private final QuoteResponder responder;

    QuoteRequestListener(QuoteResponder responder) {
        this.responder = responder;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).QUOTES_REQUESTED.name()}")
    void on(QuoteRequested request) {
        responder.answer(request);
    }
}
