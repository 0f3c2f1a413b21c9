package io.otcrouter.quote.dex;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.budget.Pacer;
import io.otcrouter.quote.curve.DepthCurveCache;

/**
 * The only way to Jupiter in this service: every call first gets a slot from the shared
 * {@link JupiterRateLimiter}, and every quote it returns becomes a point of the pair's depth curve.
 */
public class BudgetedJupiter {

    private static final Logger log = LoggerFactory.getLogger(BudgetedJupiter.class);

    private final JupiterClient client;
    private final JupiterRateLimiter limiter;
    private final Pacer pacer;
    private final DepthCurveCache curves;

    public BudgetedJupiter(JupiterClient client, JupiterRateLimiter limiter, Pacer pacer, DepthCurveCache curves) {
        this.client = client;
        this.limiter = limiter;
        this.pacer = pacer;
        this.curves = curves;
    }

    /**
     * Jupiter's quote, if the budget lets the call start no later than {@code latestStart} (waiting for its slot
     * when needed); empty when it does not, having spent nothing.
     */
    public Optional<DexQuote> quote(DexQuoteRequest request, Instant latestStart) {
        Optional<Instant> slot = limiter.reserve(latestStart);
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        if (!pacer.awaitUntil(slot.get())) {
            return Optional.of(DexQuote.unavailable(QuoteSource.LIVE, "interrupted while waiting for the budget"));
        }
        return Optional.of(call(request));
    }

    /** Jupiter's quote for background work, only if a slot is free right now and requests are not using it. */
    public Optional<DexQuote> quoteIfIdle(DexQuoteRequest request) {
        if (!limiter.tryAcquireForBackground()) {
            return Optional.empty();
        }
        return Optional.of(call(request));
    }

    /** Why {@link #quote} found no slot by {@code latestStart}, for the answer's reason. */
    public String whyNoSlot(Instant latestStart) {
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
}
