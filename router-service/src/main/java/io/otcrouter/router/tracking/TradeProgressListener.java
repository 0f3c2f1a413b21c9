package io.otcrouter.router.tracking;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.InvalidEventException;

/**
 * Reads settlements and leg executions in the shared {@code router-service} group, so exactly one instance
 * records each. Redeliveries are harmless: a leg is stored once per (tradeId, legId) and a settlement only when it
 * is the trade's first or a later revision, a correction (see {@link TrackedTradeRepository}). Starts at the earliest offset the first
 * time the group runs, so no settlement published before the router started is lost.
 */
@Component
@KafkaListener(id = "trade-progress",
        topics = {Topics.Names.TRADES_SETTLED, Topics.Names.JUPITER_EXECUTED, Topics.Names.POOLS_EXECUTED},
        // Progress is not on the decision path: let the broker gather up to 500 ms of records per fetch rather
        // than wake this consumer for every single one (and answer an idle consumer 2 empty fetches a second, not
        // 10). A ?wait=settled answer may come up to 500 ms later.
        properties = {"auto.offset.reset=earliest", "fetch.min.bytes=16384", "fetch.max.wait.ms=500"})
class TradeProgressListener {

    private final TradeTracker tracker;

    TradeProgressListener(TradeTracker tracker) {
        this.tracker = tracker;
    }

    @KafkaHandler
    void on(TradeSettled settled) {
        tracker.settled(settled);
    }

    @KafkaHandler
    void on(LegExecuted leg) {
        tracker.legExecuted(leg);
    }

    /** A record of any other type on these topics breaks the contract: to the dead-letter topic at once. */
    @KafkaHandler(isDefault = true)
    void unexpected(Object event) {
        throw new InvalidEventException("Unexpected " + event.getClass().getSimpleName() + " among the "
                + "settlements and leg executions");
    }
}
