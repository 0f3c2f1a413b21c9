package io.otcrouter.quote.quoting;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.kafka.RecordBatch;

/**
 * Hands every quote request of a poll to {@link QuoteResponder} and goes back to polling: the consumer thread never
 * waits for Jupiter, so a slow call delays only its own request, and answers leave in any order.
 *
 * <p>The poll's offsets may therefore be committed while some of its answers are still being made. That is
 * acceptable for quote requests, and only for them: after a crash, a request whose answer had not left is never
 * answered, and the router treats the DEX venue as unavailable for that one trade at its deadline (it decides with
 * the pools, or fails that trade cleanly). No money moves on a quote, so nothing is lost or doubled. A redelivered
 * request is answered again with the same requestId; the router keeps the first reply per requestId and venue, and
 * ignores replies after its deadline. (DEX-leg execution, where a lost record would be a lost fill, commits only what
 * it has done: see {@code RouteDecidedListener}.)
 */
@Component
class QuoteRequestListener {

    private final QuoteResponder responder;

    QuoteRequestListener(QuoteResponder responder) {
        this.responder = responder;
    }

    @KafkaListener(batch = "true", topics = Topics.Names.QUOTES_REQUESTED)
    void on(List<ConsumerRecord<String, Object>> requests) {
        RecordBatch.handOff(requests, QuoteRequested.class, responder::answer);
    }
}
