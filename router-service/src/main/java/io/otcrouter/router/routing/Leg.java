package io.otcrouter.router.routing;

import java.math.BigInteger;

import io.otcrouter.events.Venue;

/** One leg of a decision; amounts in atomic units. {@code minOut} is the least the venue may return. */
public record Leg(String legId, Venue venue, String poolId, String quoteId, BigInteger in, BigInteger expectedOut,
        BigInteger minOut) {
}
