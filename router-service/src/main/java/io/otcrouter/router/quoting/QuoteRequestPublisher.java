package io.otcrouter.router.quoting;

import io.otcrouter.events.QuoteRequested;

/** Asks every venue to quote. */
public interface QuoteRequestPublisher {

    void publish(QuoteRequested request);
}
