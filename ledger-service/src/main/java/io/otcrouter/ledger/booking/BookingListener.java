package io.otcrouter.ledger.booking;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;

/**
 * Feeds decisions and leg executions to {@link Booking}. Records are keyed by tradeId, so one trade's events on one
 * topic arrive in order; across topics they may not, which Booking tolerates (see its Javadoc), as it tolerates
 * redeliveries (processed_event).
 */
@Component
class BookingListener {

    private final Booking booking;

    BookingListener(Booking booking) {
        this.booking = booking;
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
    void onRouteDecided(RouteDecided decision) {
        booking.onRouteDecided(decision);
    }

    @KafkaListener(topics = {"#{T(io.otcrouter.events.catalog.Topics).JUPITER_EXECUTED.name()}",
            "#{T(io.otcrouter.events.catalog.Topics).POOLS_EXECUTED.name()}"})
    void onLegExecuted(LegExecuted execution) {
        booking.onLegExecuted(execution);
    }
}
