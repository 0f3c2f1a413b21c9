package io.otcrouter.otcpool.reservation;

/** RESERVED (holding inventory) → CLAIMED (a decision is executing it) → CONSUMED; or RESERVED → RELEASED. */
public enum ReservationStatus {
    RESERVED,
    CLAIMED,
    CONSUMED,
    RELEASED
}
