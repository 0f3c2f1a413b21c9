package io.otcrouter.router.routing;

import java.math.BigInteger;

import io.otcrouter.events.Route;

/**
 * An alternative the router weighed: its output, and after the cost model ({@code netOut}: fees and each leg's
 * network fee), or why it was not available.
 */
public record Candidate(String label, Route route, boolean available, BigInteger out, String reason,
        BigInteger netOut) {

    static Candidate unavailable(String label, Route route, String reason) {
        return new Candidate(label, route, false, null, reason, null);
    }
}
