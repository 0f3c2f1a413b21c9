package io.otcrouter.quote.execution;

import java.util.concurrent.CompletableFuture;

import io.otcrouter.events.LegExecuted;

/** Outgoing stream of DEX leg executions, keyed by tradeId. */
public interface LegExecutedPublisher {

    /**
     * Sends the event without waiting for the broker, so a batch of decisions costs one round trip. The future
     * completes once the broker has the event and fails if the send fails; a failure never comes as an exception.
     */
    CompletableFuture<Void> publish(LegExecuted event);
}
