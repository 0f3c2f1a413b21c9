package io.otcrouter.quote.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;

/**
 * One DEX quote as the service uses it internally: atomic amounts, Jupiter's own minimum output, and whether it
 * came from Jupiter (LIVE), from Jupiter's cached depth curve (CURVE) or from the constant-product model
 * (SIMULATED). Amounts are null unless QUOTED.
 *
 * @param priceImpactPct a fraction, as Jupiter reports it: 0.01 is 1 %
 * @param reason         why it is not QUOTED, or a note on a QUOTED one (for example a simulated fallback)
 * @param fromCache      the output was interpolated from the cached live depth curve, not quoted by Jupiter now
 *                       (the source is then CURVE)
 */
public record DexQuote(JupiterQuoteStatus status, QuoteSource source, BigInteger outAmount,
        BigInteger otherAmountThreshold, BigDecimal priceImpactPct, List<String> routeLabels, Long contextSlot,
        String reason, boolean fromCache) {

    public DexQuote(JupiterQuoteStatus status, QuoteSource source, BigInteger outAmount,
            BigInteger otherAmountThreshold, BigDecimal priceImpactPct, List<String> routeLabels, Long contextSlot,
            String reason) {
        this(status, source, outAmount, otherAmountThreshold, priceImpactPct, routeLabels, contextSlot, reason,
                false);
    }

    public DexQuote {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        routeLabels = routeLabels == null ? List.of() : List.copyOf(routeLabels);
        if (status == JupiterQuoteStatus.QUOTED && (outAmount == null || otherAmountThreshold == null)) {
            throw new IllegalArgumentException("A QUOTED quote needs outAmount and otherAmountThreshold");
        }
    }

    public static DexQuote noRoute(QuoteSource source, String reason) {
        return new DexQuote(JupiterQuoteStatus.NO_ROUTE, source, null, null, null, List.of(), null, reason);
    }

    public static DexQuote unavailable(QuoteSource source, String reason) {
        return new DexQuote(JupiterQuoteStatus.UNAVAILABLE, source, null, null, null, List.of(), null, reason);
    }

    public boolean isQuoted() {
        return status == JupiterQuoteStatus.QUOTED;
    }

    public DexQuote withReason(String note) {
        return new DexQuote(status, source, outAmount, otherAmountThreshold, priceImpactPct, routeLabels, contextSlot,
                note, fromCache);
    }
}
