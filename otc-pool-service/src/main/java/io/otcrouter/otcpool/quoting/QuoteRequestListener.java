package io.otcrouter.otcpool.quoting;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;

/**
 * Hands each quote request to {@link PoolQuoting}. A redelivered request is answered again with fresh quotes (a firm
 * request gets the same quote, and reservation, back: see PoolQuoting); the router keeps the replies it still waits
 * for by requestId and poolId and drops the rest, and every reply carries its own eventId.
 */
@Component
class QuoteRequestListener {

    private final PoolQuoting quoting;

    QuoteRequestListener(PoolQuoting quoting) {
        this.quoting = quoting;
    }

    @KafkaListener(topics = Topics.Names.QUOTES_REQUESTED)
    void on(QuoteRequested request) {
        quoting.answer(request);
    }
}
