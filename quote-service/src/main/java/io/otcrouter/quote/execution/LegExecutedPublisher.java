package io.otcrouter.quote.execution;

import io.otcrouter.events.LegExecuted;

/** Outgoing stream of DEX leg executions, keyed by tradeId. */
public interface LegExecutedPublisher {

    /**
     * Sends the event within the caller's Kafka transaction, without waiting for the broker: the transaction's
     * commit fails, and nothing of it is visible to read_committed readers, if any of its sends failed.
     */
    void publish(LegExecuted event);
}
