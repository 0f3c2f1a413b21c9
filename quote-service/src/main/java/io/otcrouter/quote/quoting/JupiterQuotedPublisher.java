package io.otcrouter.quote.quoting;

import java.util.concurrent.CompletableFuture;

import io.otcrouter.events.JupiterQuoted;

/** Outgoing stream of DEX quotes, keyed by pair. */
public interface JupiterQuotedPublisher {

    /**
     * Sends the answer without waiting for the broker, so answers do not queue behind each other's round trips.
     * The future completes once the broker has the answer and fails if the send fails; a failure never comes as
     * an exception.
     */
    CompletableFuture<Void> publish(JupiterQuoted event);
}
