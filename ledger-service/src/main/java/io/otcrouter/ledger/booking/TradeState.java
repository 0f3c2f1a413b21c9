package io.otcrouter.ledger.booking;

import io.otcrouter.events.TradeStatus;

/** Lifecycle of a booked trade: PENDING until every expected leg is in, then one of the contract's final statuses. */
public enum TradeState {
    PENDING, FILLED, PARTIALLY_FILLED, FAILED;

    static TradeState of(TradeStatus settled) {
        return valueOf(settled.name());
    }
}
