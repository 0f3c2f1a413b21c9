package io.otcrouter.quote.dex;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.budget.Pacer;
import io.otcrouter.quote.curve.DepthCurveCache;

/**
 * The only way to Jupiter in this service: every call first gets a slot from the shared
 * {@link JupiterRateLimiter}, and every quote it returns becomes a point of the pair's depth curve. Calls for
 * requests run on the {@link RequestLane}, never on the caller's thread; the background refresh calls on its own
 * thread, only with budget requests leave idle.
 */
public class BudgetedJupiter {

    private static final Logger log = LoggerFactory.getLogger(BudgetedJupiter.class);

    private final JupiterClient client;
    private final JupiterRateLimiter limiter;
    private final Pacer pacer;
    private final DepthCurveCache curves;
    private final RequestLane lane;
    private final Clock clock;
    /** Per pair, the latest call on the lane that has not answered yet. */
    private final Map<PairKey, CompletableFuture<DexQuote>> callsInFlight = new ConcurrentHashMap<>();

    public BudgetedJupiter(JupiterClient client, JupiterRateLimiter limiter, Pacer pacer, DepthCurveCache curves,
            RequestLane lane, Clock clock) {
        this.client = client;
        this.limiter = limiter;
        this.pacer = pacer;
        this.curves = curves;
        this.lane = lane;
        this.clock = clock;
    }

    /**
     * Jupiter's quote, from a call on the request lane that starts no later than {@code latestStart}. Returns at
     * once; the answer completes with Jupiter's quote, or UNAVAILABLE with the reason there is none: no permit
     * ({@code maxConcurrency} calls in flight), no budget slot by {@code latestStart}, or no answer by
     * {@code answerBy} (the call itself goes on to its read timeout, so that a late answer still becomes a curve
     * point and a hung Jupiter still pauses the budget). Nothing is spent when no call starts. Never completes
     * exceptionally.
     */
    public CompletableFuture<DexQuote> quote(DexQuoteRequest request, Instant latestStart, Instant answerBy) {
        if (!lane.tryEnter()) {
            return CompletableFuture.completedFuture(unavailable("all " + lane.maxConcurrency()
                    + " Jupiter calls in flight (JUPITER_MAX_CONCURRENCY)"));
        }
        PairKey pair = new PairKey(request.inputMint(), request.outputMint());
        boolean mayWait = lane.claimWait(pair);
        Optional<Instant> slot = mayWait ? limiter.reserve(latestStart) : limiter.reserveNow();
        Instant now = clock.instant();
        boolean waits = slot.isPresent() && slot.get().isAfter(now);
        if (mayWait && !waits) {
            lane.endWait(pair);
        }
        if (slot.isEmpty()) {
            lane.exit();
            return CompletableFuture.completedFuture(unavailable(mayWait ? whyNoSlot(latestStart)
                    : whyNoSlot(now) + "; another call for this pair is already waiting for the budget"));
        }
        CompletableFuture<DexQuote> call = new CompletableFuture<>();
        try {
            lane.run(() -> callAt(slot.get(), waits ? pair : null, request, call));
        } catch (RejectedExecutionException e) {
            if (waits) {
                lane.endWait(pair);
            }
            lane.exit();
            return CompletableFuture.completedFuture(unavailable("Jupiter call not started: " + e.getMessage()));
        }
        callsInFlight.put(pair, call);
        call.whenComplete((quote, failure) -> callsInFlight.remove(pair, call));
        CompletableFuture<DexQuote> answer = call.copy();
        return lane.within(answer, answerBy, () -> unavailable("Jupiter did not answer by " + answerBy));
    }

    /**
     * Completes once the pair's latest call in flight has answered (so its point is in the curve) or at
     * {@code answerBy}, whichever comes first; empty when no call of the pair is in flight. Lets a request that got
     * no call of its own, and has no curve to answer from, answer from the point a call already under way will
     * bring, instead of with nothing.
     */
    public Optional<CompletableFuture<Void>> whenCallInFlightAnswers(DexQuoteRequest request, Instant answerBy) {
        CompletableFuture<DexQuote> call = callsInFlight.get(new PairKey(request.inputMint(), request.outputMint()));
        if (call == null) {
            return Optional.empty();
        }
        return Optional.of(lane.within(call.thenApply(quote -> (Void) null), answerBy, () -> null));
    }

    /** On a worker: waits for the slot, calls, gives the permit back, then completes the answer. */
    private void callAt(Instant slot, PairKey waitingPair, DexQuoteRequest request, CompletableFuture<DexQuote> answer) {
        DexQuote quote;
        try {
            boolean reached;
            try {
                reached = pacer.awaitUntil(slot);
            } finally {
                // Even if the wait fails: a claim left behind would keep the pair from ever waiting for a slot again.
                if (waitingPair != null) {
                    lane.endWait(waitingPair);
                }
            }
            quote = reached ? call(request) : unavailable("interrupted while waiting for the budget");
        } catch (RuntimeException e) {
            log.warn("Jupiter call for {} -> {} failed: {}", request.inputMint(), request.outputMint(), e.toString());
            quote = unavailable("Jupiter call failed: " + e);
        } finally {
            lane.exit();
        }
        answer.complete(quote);
    }

    /** Jupiter's quote for background work, only if a slot is free right now and requests are not using it. */
    public Optional<DexQuote> quoteIfIdle(DexQuoteRequest request) {
        if (!limiter.tryAcquireForBackground()) {
            return Optional.empty();
        }
        return Optional.of(call(request));
    }

    /** Why no slot could be had by {@code latestStart}, for the answer's reason. */
    private String whyNoSlot(Instant latestStart) {
        Instant pausedUntil = limiter.blockedUntil();
        if (pausedUntil.isAfter(latestStart)) {
            return "Jupiter calls paused until " + pausedUntil + " (rate limited or down)";
        }
        return "Jupiter rate-limit budget exhausted (no call could start by " + latestStart + ")";
    }

    /** See {@link JupiterRateLimiter#availableNow()}. */
    public int budgetRemaining() {
        return limiter.availableNow();
    }

    private DexQuote call(DexQuoteRequest request) {
        DexQuote quote = client.quote(request);
        if (quote.isQuoted()) {
            curves.record(request.inputMint(), request.outputMint(), request.amount(), quote.outAmount());
        } else {
            log.debug("Jupiter {} for {} {} -> {}: {}", quote.status(), request.amount(), request.inputMint(),
                    request.outputMint(), quote.reason());
        }
        return quote;
    }

    private static DexQuote unavailable(String reason) {
        return DexQuote.unavailable(QuoteSource.LIVE, reason);
    }

    private record PairKey(String inputMint, String outputMint) {
    }
}
