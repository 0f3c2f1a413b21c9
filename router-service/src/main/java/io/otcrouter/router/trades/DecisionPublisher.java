package io.otcrouter.router.trades;

import io.otcrouter.events.RouteDecided;

/** Publishes a decision; returns only once the broker has it, so an answered trade is never lost. */
public interface DecisionPublisher {

    void publish(RouteDecided decision);
}
