package io.otcrouter.router.quoting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.router.routing.VenueQuotes;

/**
 * The replies gathered for one quote request. Complete when Jupiter has answered and as many pool quotes as the
 * pool service announced ({@code poolsInReply}) are in; whatever is in at the deadline is used otherwise.
 */
final class PendingQuotes {

    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    private JupiterQuoted dex;
    private final List<PoolQuoted> pools = new ArrayList<>();
    private int poolsExpected = -1;

    /** Returns false for a second Jupiter answer, which is ignored. */
    synchronized boolean add(JupiterQuoted quote) {
        if (dex != null) {
            return false;
        }
        dex = quote;
        completeIfAllIn();
        return true;
    }

    /** Returns false for a redelivered pool answer, which is ignored. */
    synchronized boolean add(PoolQuoted quote) {
        // Redelivered replies carry the same event id; a pool answers once per request.
        boolean duplicate = pools.stream().anyMatch(p -> p.getEventId().equals(quote.getEventId()));
        if (duplicate) {
            return false;
        }
        pools.add(quote);
        poolsExpected = quote.getPoolsInReply();
        completeIfAllIn();
        return true;
    }

    VenueQuotes await(Duration timeout) throws InterruptedException {
        try {
            complete.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException deadlinePassed) {
            // Decide with the venues that answered: a missing venue is unavailable, not a failure.
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        return snapshot();
    }

    private synchronized VenueQuotes snapshot() {
        return new VenueQuotes(dex, pools);
    }

    private void completeIfAllIn() {
        if (dex != null && poolsExpected >= 0 && pools.size() >= poolsExpected) {
            complete.complete(null);
        }
    }
}
