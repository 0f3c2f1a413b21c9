package io.otcrouter.quote.dex;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.curve.ConcaveDepthHull;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.curve.DepthSample;

/**
 * Owns the choice of DEX quote source ({@link JupiterMode}) within the Jupiter budget. In live and auto mode a
 * request gets, in this order: Jupiter's firm quote if a call can start before the caller's deadline and answers
 * before the caller must answer; else (or when Jupiter is UNAVAILABLE) an estimate interpolated from the pair's fresh
 * live depth curve, flagged as from the cache; else, in auto mode only, the simulated pools; else UNAVAILABLE. A
 * NO_ROUTE from Jupiter is an answer, not an outage, so it is never replaced.
 *
 * <p>The Jupiter call runs on the {@link RequestLane}; {@link #quote} returns at once and its answer completes when
 * the call answers or at the caller's deadline, whichever comes first. A request that gets no call of its own and
 * finds no curve to answer from waits (up to its deadline) for the pair's call already in flight, whose point then
 * answers it: a burst of requests for a new pair is answered from the first one's call, not with nothing. No request reserves a slot further ahead than
 * {@code maxSlotWait}, whatever its deadline: a slot far ahead would be taken from requests that arrive later with
 * nearer deadlines (and the worker waiting for it holds a permit).
 */
public class DexQuoter {

    private static final Logger log = LoggerFactory.getLogger(DexQuoter.class);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    static final String CURVE_ROUTE_LABEL = "Jupiter depth curve";

    private final JupiterMode mode;
    private final BudgetedJupiter jupiter;
    private final SimulatedDex simulated;
    private final DepthCurveCache curves;
    private final Clock clock;
    private final Duration maxSlotWait;

    /**
     * @param maxSlotWait the furthest ahead a request may reserve a Jupiter slot; beyond it the curve answers
     */
    public DexQuoter(JupiterMode mode, BudgetedJupiter jupiter, SimulatedDex simulated, DepthCurveCache curves,
            Clock clock, Duration maxSlotWait) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.jupiter = jupiter;
        this.simulated = Objects.requireNonNull(simulated, "simulated");
        this.curves = curves;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSlotWait = Objects.requireNonNull(maxSlotWait, "maxSlotWait");
        if (mode != JupiterMode.SIMULATED && (jupiter == null || curves == null)) {
            throw new IllegalArgumentException(mode + " mode needs Jupiter and the curve cache");
        }
    }

    /** A simulated-only quoter: never calls Jupiter. */
    public static DexQuoter simulatedOnly(SimulatedDex simulated, Clock clock) {
        return new DexQuoter(JupiterMode.SIMULATED, null, simulated, null, clock, Duration.ZERO);
    }

    public JupiterMode mode() {
        return mode;
    }

    /**
     * The best quote obtainable without starting a Jupiter call after {@code latestStart} (nor more than
     * {@code maxSlotWait} from now), nor waiting for Jupiter's answer past {@code answerBy}. Returns at once; the
     * answer is complete at once when no call is made (simulated mode, no budget, no permit), else when the call
     * answers or at {@code answerBy}. Never completes exceptionally.
     */
    public CompletableFuture<DexQuote> quote(DexQuoteRequest request, Instant latestStart, Instant answerBy) {
        if (mode == JupiterMode.SIMULATED) {
            return CompletableFuture.completedFuture(simulated.quote(request));
        }
        Instant waitCap = clock.instant().plus(maxSlotWait);
        Instant slotDeadline = latestStart.isBefore(waitCap) ? latestStart : waitCap;
        CompletableFuture<DexQuote> call = jupiter.quote(request, slotDeadline, answerBy);
        // only now: marked before, the background refresh could take the slot this request was reserving
        curves.markActive(request.inputMint(), request.outputMint(), request.amount(), request.slippageBps());
        return call.thenCompose(live -> {
            if (live.status() == JupiterQuoteStatus.UNAVAILABLE && curveEstimate(request).isEmpty()) {
                Optional<CompletableFuture<Void>> nextPoint = jupiter.whenCallInFlightAnswers(request, answerBy);
                if (nextPoint.isPresent()) {
                    return nextPoint.get().thenApply(ignored -> orFallback(request, live));
                }
            }
            return CompletableFuture.completedFuture(orFallback(request, live));
        });
    }

    /** Jupiter's answer, unless it is UNAVAILABLE: then the curve, the simulation (auto) or the UNAVAILABLE. */
    private DexQuote orFallback(DexQuoteRequest request, DexQuote live) {
        if (live.status() != JupiterQuoteStatus.UNAVAILABLE) {
            return live;
        }
        String why = live.reason();
        Optional<DexQuote> estimate = fromCurve(request, why);
        if (estimate.isPresent()) {
            return estimate.get();
        }
        if (mode == JupiterMode.AUTO) {
            log.info("Jupiter unavailable ({}), answering {} -> {} from the simulated pools", why,
                    request.inputMint(), request.outputMint());
            return simulated.quote(request).withReason("simulated fallback; " + why);
        }
        return live;
    }

    /** Calls that could start right now; null in simulated mode (no budget involved). */
    public Integer budgetRemaining() {
        return mode == JupiterMode.SIMULATED ? null : jupiter.budgetRemaining();
    }

    /**
     * The depth curve to publish with a quote. SIMULATED: the model at 10/25/50/100/200 % of the size (free),
     * observed now. LIVE or CURVE: the pair's fresh Jupiter points (every live quote of the pair within the TTL, filled in
     * by the background refresh), aged by the oldest of them — never simulated points mixed into a live curve.
     */
    public Optional<ConcaveDepthHull> depthCurve(DexQuoteRequest request, DexQuote quote) {
        if (!quote.isQuoted()) {
            return Optional.empty();
        }
        if (quote.source() != QuoteSource.SIMULATED) {
            return curves.fresh(request.inputMint(), request.outputMint());
        }
        List<DepthSample> curve = new ArrayList<>();
        for (int percent : DepthCurveCache.CURVE_PERCENTS) {
            BigInteger size = request.amount().multiply(BigInteger.valueOf(percent)).divide(HUNDRED);
            if (size.signum() <= 0) {
                continue;
            }
            DexQuote point = percent == 100 ? quote : simulated.quote(request.withAmount(size));
            if (point.isQuoted()) {
                curve.add(new DepthSample(size, point.outAmount()));
            }
        }
        return Optional.of(ConcaveDepthHull.of(curve, clock.instant()));
    }

    private Optional<BigInteger> curveEstimate(DexQuoteRequest request) {
        return curves.fresh(request.inputMint(), request.outputMint())
                .flatMap(curve -> curve.outFor(request.amount()))
                .filter(out -> out.signum() > 0);
    }

    private Optional<DexQuote> fromCurve(DexQuoteRequest request, String why) {
        Optional<ConcaveDepthHull> curve = curves.fresh(request.inputMint(), request.outputMint());
        Optional<BigInteger> out = curve.flatMap(c -> c.outFor(request.amount())).filter(o -> o.signum() > 0);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        long ageMs = Duration.between(curve.get().observedAt(), clock.instant()).toMillis();
        BigInteger threshold = out.get().multiply(BPS.subtract(BigInteger.valueOf(request.slippageBps())))
                .divide(BPS);
        log.info("Answering {} {} -> {} from the depth curve ({} ms old): {}", request.amount(),
                request.inputMint(), request.outputMint(), ageMs, why);
        // CURVE, never LIVE: an estimate from points Jupiter gave earlier, not Jupiter's quote for this size now.
        return Optional.of(new DexQuote(JupiterQuoteStatus.QUOTED, QuoteSource.CURVE, out.get(), threshold, null,
                List.of(CURVE_ROUTE_LABEL), null,
                "interpolated from Jupiter's depth curve observed " + ageMs + " ms ago; " + why, true));
    }
}
