package io.otcrouter.ledger.booking;

import io.otcrouter.events.TradeSettled;

/** Publishes the ledger's final word on a trade. Called inside the booking transaction. */
public interface TradeSettledPublisher {

    void publish(TradeSettled event);
}
