package io.otcrouter.ledger.booking;

/** Identifies one leg of one trade: a leg is booked at most once per key. */
public record LegKey(String tradeId, String legId) {
}
