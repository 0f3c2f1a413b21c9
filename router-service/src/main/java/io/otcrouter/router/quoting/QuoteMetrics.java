package io.otcrouter.router.quoting;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.Venue;
import io.otcrouter.router.routing.VenueQuotes;

/**
 * Counts the venue answers this instance waited for, by venue and where the answer came from, and the venues that
 * had not answered by the deadline. Replies to other instances' requests are not counted, so the sum over instances
 * is the number of answers the routers used.
 */
@Component
class QuoteMetrics {

    static final String RECEIVED = "otc.router.quotes.received";
    static final String MISSING = "otc.router.quotes.missing";
    /** The DEX source of an answer interpolated from the cached depth curve rather than quoted by Jupiter. */
    static final String CACHE = "CACHE";

    private final MeterRegistry registry;

    QuoteMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so "missing" reads 0, not absent, until a venue first misses a deadline.
        for (Venue venue : Venue.values()) {
            missing(venue);
        }
    }

    void received(JupiterQuoted quote) {
        received(Venue.DEX, quote.getFromCache() ? CACHE : quote.getSource().name());
    }

    void received(PoolQuoted quote) {
        received(Venue.OTC, quote.getStatus().name());
    }

    /** Counts Jupiter when it was silent, the pools when fewer quotes came in than the pool service announced. */
    void missed(VenueQuotes answered) {
        if (answered.dex() == null) {
            missing(Venue.DEX).increment();
        }
        List<PoolQuoted> pools = answered.pools();
        if (pools.isEmpty() || pools.size() < pools.get(pools.size() - 1).getPoolsInReply()) {
            missing(Venue.OTC).increment();
        }
    }

    private void received(Venue venue, String source) {
        Counter.builder(RECEIVED).description("Venue answers to this instance's quote requests")
                .tag("venue", venue.name()).tag("source", source).register(registry).increment();
    }

    private Counter missing(Venue venue) {
        return Counter.builder(MISSING).description("Venues that had not (fully) answered by the quote deadline")
                .tag("venue", venue.name()).register(registry);
    }
}
