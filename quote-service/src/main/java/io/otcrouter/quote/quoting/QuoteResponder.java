package io.otcrouter.quote.quoting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.quote.curve.ConcaveDepthHull;
import io.otcrouter.quote.dex.DexQuote;
import io.otcrouter.quote.dex.DexQuoteRequest;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.kafka.LoggingContext;

/**
 * Answers every router quote request with exactly one {@link JupiterQuoted}: the DEX quote for the full size and
 * its depth curve (with its age), or the reason there is none. A request whose reply deadline has passed is
 * skipped: the router has already decided without it. Jupiter is only called if the call can start
 * {@code callAllowance} before the deadline, and its answer is only waited for until {@code replyMargin} before it;
 * otherwise the answer comes from the cached curve (or, in auto mode, the simulation).
 *
 * <p>{@link #answer} returns at once: the answer is made and sent on whichever thread finishes the quote (a Jupiter
 * call's worker or its deadline), so answers leave in the order their quotes complete, not the order the requests
 * came in. The router matches them by request id.
 */
public class QuoteResponder {

    private static final Logger log = LoggerFactory.getLogger(QuoteResponder.class);

    private final DexQuoter quoter;
    private final JupiterQuotedPublisher publisher;
    private final Clock clock;
    private final Duration callAllowance;
    private final Duration replyMargin;

    /**
     * @param callAllowance how long before {@code replyBy} a Jupiter call must be able to start
     * @param replyMargin   how long before {@code replyBy} the answer leaves, Jupiter's or not
     */
    public QuoteResponder(DexQuoter quoter, JupiterQuotedPublisher publisher, Clock clock, Duration callAllowance,
            Duration replyMargin) {
        this.quoter = quoter;
        this.publisher = publisher;
        this.clock = clock;
        this.callAllowance = callAllowance;
        this.replyMargin = replyMargin;
    }

    /**
     * Starts the answer and returns; the future completes when the broker has the answer (at once if skipped) and
     * fails if it could not be sent, which is logged here. Throws only for a request that cannot be answered at all
     * (an invalid amount or slippage).
     */
    public CompletableFuture<Void> answer(QuoteRequested request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.getReplyBy().isBefore(now)) {
            log.info("Skipping quote request {} ({}): reply was due at {}, now {}", request.getRequestId(),
                    request.getPair(), request.getReplyBy(), now);
            return CompletableFuture.completedFuture(null);
        }
        DexQuoteRequest dexRequest = new DexQuoteRequest(request.getInputMint(), request.getOutputMint(),
                EventDecimals.toAtomic(request.getAmountIn()), request.getSlippageBps());
        LoggingContext context = LoggingContext.capture();
        return quoter.quote(dexRequest, request.getReplyBy().minus(callAllowance),
                request.getReplyBy().minus(replyMargin))
                .thenCompose(quote -> context.call(() -> publisher.publish(answerTo(request, dexRequest, quote))))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        context.run(() -> log.warn("Answer to quote request {} ({}) not sent: {}",
                                request.getRequestId(), request.getPair(), failure.toString()));
                    }
                });
    }

    private JupiterQuoted answerTo(QuoteRequested request, DexQuoteRequest dexRequest, DexQuote quote) {
        Optional<ConcaveDepthHull> depth = quoter.depthCurve(dexRequest, quote);
        List<DepthPoint> curve = depth.map(ConcaveDepthHull::points).orElse(List.of()).stream()
                .map(sample -> DepthPoint.newBuilder()
                        .setInAmount(EventDecimals.atomic(sample.inAmount()))
                        .setOutAmount(EventDecimals.atomic(sample.outAmount()))
                        .build())
                .toList();
        Instant answeredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant curveObservedAt = curve.isEmpty() ? null
                : depth.get().observedAt().truncatedTo(ChronoUnit.MILLIS);
        JupiterQuoted event = JupiterQuoted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(answeredAt)
                .setRequestId(request.getRequestId())
                .setPair(request.getPair())
                .setInputMint(request.getInputMint())
                .setOutputMint(request.getOutputMint())
                .setInAmount(request.getAmountIn())
                .setStatus(quote.status())
                .setReason(quote.reason())
                .setSource(quote.source())
                .setOutAmount(quote.outAmount() == null ? null : EventDecimals.atomic(quote.outAmount()))
                .setOtherAmountThreshold(quote.otherAmountThreshold() == null ? null
                        : EventDecimals.atomic(quote.otherAmountThreshold()))
                .setPriceImpactPct(quote.priceImpactPct() == null ? null : EventDecimals.price(quote.priceImpactPct()))
                .setRouteLabels(quote.routeLabels())
                .setContextSlot(quote.contextSlot())
                .setDepthCurve(curve)
                .setCurveObservedAt(curveObservedAt)
                .setCurveAgeMs(curveObservedAt == null ? null
                        : Math.max(0, Duration.between(curveObservedAt, answeredAt).toMillis()))
                .setFromCache(quote.fromCache())
                .setBudgetRemaining(quoter.budgetRemaining())
                .build();
        log.debug("Answering {} {}: {} {} out {}", request.getRequestId(), request.getPair(), quote.status(),
                quote.source(), quote.outAmount());
        return event;
    }
}
