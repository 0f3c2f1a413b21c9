package io.otcrouter.quote.quoting;

import io.otcrouter.events.JupiterQuoted;

/** Outgoing stream of DEX quotes, keyed by pair. */
public interface JupiterQuotedPublisher {

    void publish(JupiterQuoted event);
}
