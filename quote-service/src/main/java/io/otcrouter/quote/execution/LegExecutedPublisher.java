package io.otcrouter.quote.execution;

import io.otcrouter.events.LegExecuted;

/** Outgoing stream of DEX leg executions, keyed by tradeId. */
public interface LegExecutedPublisher {

    void publish(LegExecuted event);
}
