package io.otcrouter.quote.quoting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.quote.dex.DexQuote;
import io.otcrouter.quote.dex.DexQuoteRequest;
import io.otcrouter.quote.dex.DexQuoter;

/**
 * Answers every router quote request with exactly one {@link JupiterQuoted}: the DEX quote for the full size and
 * its depth curve, or the reason there is none. A request whose reply deadline has passed is skipped: the router
 * has already decided without it.
 */
public class QuoteResponder {

    private static final Logger log = LoggerFactory.getLogger(QuoteResponder.class);

    private final DexQuoter quoter;
    private final JupiterQuotedPublisher publisher;
    private final Clock clock;

    public QuoteResponder(DexQuoter quoter, JupiterQuotedPublisher publisher, Clock clock) {
        this.quoter = quoter;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void answer(QuoteRequested request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.getReplyBy().isBefore(now)) {
            log.info("Skipping quote request {} ({}): reply was due at {}, now {}", request.getRequestId(),
                    request.getPair(), request.getReplyBy(), now);
            return;
        }
        DexQuoteRequest dexRequest = new DexQuoteRequest(request.getInputMint(), request.getOutputMint(),
                EventDecimals.toAtomic(request.getAmountIn()), request.getSlippageBps());
        DexQuote quote = quoter.quote(dexRequest);
        List<DepthPoint> curve = quoter.depthCurve(dexRequest, quote).stream()
                .map(sample -> DepthPoint.newBuilder()
                        .setInAmount(EventDecimals.atomic(sample.inAmount()))
                        .setOutAmount(EventDecimals.atomic(sample.outAmount()))
                        .build())
                .toList();
        Instant answeredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
                .setCurveObservedAt(curve.isEmpty() ? null : answeredAt)
                .build();
        publisher.publish(event);
        log.debug("Answered {} {}: {} {} out {}", request.getRequestId(), request.getPair(), quote.status(),
                quote.source(), quote.outAmount());
    }
}
