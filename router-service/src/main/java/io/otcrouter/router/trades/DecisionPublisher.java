package io.otcrouter.router.trades;

import java.util.concurrent.CompletableFuture;

import io.otcrouter.events.RouteDecided;

/** Publishes a decision to the event log. */
public interface DecisionPublisher {

    /**
     * Hands the decision to the producer.
     *
     * @return completes once the broker has acknowledged the decision; fails when the producer gave up, in which
     *         case the decision may or may not be in the log
     * @throws DecisionNotPublishedException when the producer refused the decision at once: nothing was sent
     */
    CompletableFuture<?> publish(RouteDecided decision);
}
