package io.otcrouter.quote.dex;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.curve.DepthCurveCache.Wanted;

/**
 * Keeps the depth curves of active pairs fresh with the budget requests leave unused: each run asks Jupiter for
 * at most one wanted point (missing first, then stalest), and only when a slot is free right now and no request
 * is using the budget ({@link BudgetedJupiter#quoteIfIdle}). The answer lands in the curve cache.
 */
public class DepthCurveRefresher {

    private static final Logger log = LoggerFactory.getLogger(DepthCurveRefresher.class);

    private final BudgetedJupiter jupiter;
    private final DepthCurveCache curves;

    public DepthCurveRefresher(BudgetedJupiter jupiter, DepthCurveCache curves) {
        this.jupiter = jupiter;
        this.curves = curves;
    }

    /** @return whether a Jupiter call was made */
    public boolean refreshOnce() {
        List<Wanted> wanted = curves.wantedPoints();
        if (wanted.isEmpty()) {
            return false;
        }
        Wanted next = wanted.get(0);
        DexQuoteRequest request = new DexQuoteRequest(next.inputMint(), next.outputMint(), next.size(),
                next.slippageBps());
        return jupiter.quoteIfIdle(request).map(quote -> {
            curves.markAttempted(next.inputMint(), next.outputMint(), next.size());
            log.debug("Curve refresh {} {} -> {}: {} {}", next.size(), next.inputMint(), next.outputMint(),
                    quote.status(), quote.outAmount());
            return true;
        }).orElse(false);
    }
}
