package io.otcrouter.quote.quoting;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.QuoteRequested;
import io.otcrouter.quote.kafka.RecordBatch;

/**
 * Hands every quote request of a poll to {@link QuoteResponder} and returns once all the answers are on the broker
 * (see {@link RecordBatch}): each answer leaves as soon as it is made, not after the previous one's round trip. A
 * redelivered request is answered again with the same requestId; the router keeps the first reply per requestId
 * and venue, and ignores replies after its deadline.
 */
@Component
class QuoteRequestListener {

    private final QuoteResponder responder;

    QuoteRequestListener(QuoteResponder responder) {
        this.responder = responder;
    }

    @KafkaListener(batch = "true", topics = "#{T(io.otcrouter.events.catalog.Topics).QUOTES_REQUESTED.name()}")
    void on(List<ConsumerRecord<String, Object>> requests) {
        RecordBatch.handleEach(requests, QuoteRequested.class, responder::answer);
    }
}
