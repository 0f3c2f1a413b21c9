package io.otcrouter.quote.dex;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;

/**
 * Owns the choice of DEX quote source ({@link JupiterMode}): live Jupiter, the simulated pools, or live with a
 * per-request fallback to the simulation when Jupiter is UNAVAILABLE. A NO_ROUTE from Jupiter is an answer, not
 * an outage, so it is never replaced by a simulated quote.
 */
public class DexQuoter {

    private static final Logger log = LoggerFactory.getLogger(DexQuoter.class);
    /** Depth-curve sizes, in percent of the requested size. */
    static final List<Integer> CURVE_PERCENTS = List.of(10, 25, 50, 100, 200);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final JupiterMode mode;
    private final JupiterClient jupiter;
    private final SimulatedDex simulated;

    public DexQuoter(JupiterMode mode, JupiterClient jupiter, SimulatedDex simulated) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.jupiter = jupiter;
        this.simulated = Objects.requireNonNull(simulated, "simulated");
    }

    public DexQuote quote(DexQuoteRequest request) {
        if (mode == JupiterMode.SIMULATED) {
            return simulated.quote(request);
        }
        DexQuote live = jupiter.quote(request);
        if (mode == JupiterMode.AUTO && live.status() == JupiterQuoteStatus.UNAVAILABLE) {
            log.info("Jupiter unavailable ({}), answering {} -> {} from the simulated pools", live.reason(),
                    request.inputMint(), request.outputMint());
            DexQuote fallback = simulated.quote(request);
            return fallback.withReason("simulated fallback; " + live.reason());
        }
        return live;
    }

    /**
     * The depth curve for a quote: output at 10/25/50/100/200 % of the size. For a SIMULATED quote every point
     * comes from the model (free). For a LIVE quote only the full-size point is known: each extra point would be
     * another Jupiter call against a keyless budget of 0.5 req/s, so richer live curves wait for the shared rate
     * limiter and curve cache (and mixing simulated points into a live curve would mislead the router).
     */
    public List<DepthSample> depthCurve(DexQuoteRequest request, DexQuote quote) {
        if (!quote.isQuoted()) {
            return List.of();
        }
        if (quote.source() == QuoteSource.LIVE) {
            return List.of(new DepthSample(request.amount(), quote.outAmount()));
        }
        List<DepthSample> curve = new ArrayList<>();
        for (int percent : CURVE_PERCENTS) {
            BigInteger size = request.amount().multiply(BigInteger.valueOf(percent)).divide(HUNDRED);
            if (size.signum() <= 0) {
                continue;
            }
            DexQuote point = percent == 100 ? quote : simulated.quote(request.withAmount(size));
            if (point.isQuoted()) {
                curve.add(new DepthSample(size, point.outAmount()));
            }
        }
        return List.copyOf(curve);
    }

    /** One point of a depth curve, atomic units. */
    public record DepthSample(BigInteger inAmount, BigInteger outAmount) {
    }
}
