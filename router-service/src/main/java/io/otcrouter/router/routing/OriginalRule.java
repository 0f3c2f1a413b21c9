package io.otcrouter.router.routing;

import java.math.BigDecimal;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.Route;

/**
 * The original project's rule, kept only as the baseline the router must beat: OTC when the amount is at least
 * 500 input tokens and Jupiter's price impact is above 1 %, DEX otherwise.
 */
final class OriginalRule {

    private static final BigDecimal MIN_AMOUNT = BigDecimal.valueOf(500);
    private static final BigDecimal MAX_IMPACT = new BigDecimal("0.01");

    private OriginalRule() {
    }

    /** What the rule would have chosen; null when Jupiter gave no price impact to judge by. */
    static Route choose(TradeIntent intent, JupiterQuoted dex) {
        if (dex == null || dex.getPriceImpactPct() == null) {
            return null;
        }
        boolean large = intent.input().toUnits(intent.amountIn()).compareTo(MIN_AMOUNT) >= 0;
        return large && dex.getPriceImpactPct().compareTo(MAX_IMPACT) > 0 ? Route.OTC : Route.DEX;
    }
}
