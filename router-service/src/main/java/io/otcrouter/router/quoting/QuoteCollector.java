package io.otcrouter.router.quoting;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.router.routing.VenueQuotes;

/**
 * Matches venue replies to the requests this router instance is waiting for. Replies to requests of other
 * instances, or to requests already decided, are ignored: every instance reads every reply (see
 * {@link QuoteReplyListener}) and keeps only its own.
 */
@Component
public class QuoteCollector {

    private final Map<String, PendingQuotes> pending = new ConcurrentHashMap<>();
    private final QuoteMetrics metrics;

    QuoteCollector(QuoteMetrics metrics) {
        this.metrics = metrics;
    }

    /** Starts waiting for replies to {@code requestId}; call before publishing the request. */
    public void open(String requestId) {
        pending.put(requestId, new PendingQuotes());
    }

    /** Waits until every venue answered or the timeout passed, and forgets the request. */
    public VenueQuotes await(String requestId, Duration timeout) throws InterruptedException {
        PendingQuotes quotes = pending.get(requestId);
        if (quotes == null) {
            throw new IllegalStateException("Not waiting for " + requestId);
        }
        try {
            VenueQuotes answered = quotes.await(timeout);
            metrics.missed(answered);
            return answered;
        } finally {
            pending.remove(requestId);
        }
    }

    public void abandon(String requestId) {
        pending.remove(requestId);
    }

    void onReply(JupiterQuoted quote) {
        PendingQuotes quotes = pending.get(quote.getRequestId());
        if (quotes != null && quotes.add(quote)) {
            metrics.received(quote);
        }
    }

    void onReply(PoolQuoted quote) {
        PendingQuotes quotes = pending.get(quote.getRequestId());
        if (quotes != null && quotes.add(quote)) {
            metrics.received(quote);
        }
    }
}
