package io.otcrouter.dashboard.feed;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.ReadModelChanges;
import io.otcrouter.dashboard.view.ReadModelPart;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;

/**
 * Projects {@code Topics.ROUTES_DECIDED} into the decisions by tradeId.
 * Duplicates and late records: the first decision of a trade wins, redeliveries are ignored.
 * Group and offsets come from the consumer configuration: a fresh group replayed from the earliest offset.
 */
@Component
class RouteDecidedListener {

    private final RouteDecisionView routeDecisionView;
    private final ReadModelChanges changes;
    private final AppliedEvents appliedEvents;

    RouteDecidedListener(RouteDecisionView routeDecisionView, ReadModelChanges changes, AppliedEvents appliedEvents) {
        this.routeDecisionView = routeDecisionView;
        this.changes = changes;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
    void on(RouteDecided event) {
        routeDecisionView.apply(event);
        changes.changed(ReadModelPart.TRADES);
        appliedEvents.applied(Topics.ROUTES_DECIDED);
    }
}
