package io.otcrouter.router.trades;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.router.config.RouterProperties;
import io.otcrouter.router.quoting.QuoteCollector;
import io.otcrouter.router.quoting.QuoteRequestPublisher;
import io.otcrouter.router.routing.Decision;
import io.otcrouter.router.pricing.ReferencePrices;
import io.otcrouter.router.routing.ReferenceRate;
import io.otcrouter.router.routing.RouteSelector;
import io.otcrouter.router.routing.TradeIntent;
import io.otcrouter.router.routing.VenueQuotes;
import io.otcrouter.router.tracking.TradeTracker;

/**
 * Owns the life of a trade inside the router: ask every venue, wait for their quotes until the deadline, decide,
 * and hand the decision to Kafka before answering the client.
 */
@Service
public class TradeService {

    private static final Logger log = LoggerFactory.getLogger(TradeService.class);
    static final String DECISION_TIMER = "otc.router.decision";

    private final QuoteCollector collector;
    private final QuoteRequestPublisher quoteRequests;
    private final DecisionPublisher decisions;
    private final TradeTracker tracker;
    private final RouteDecidedFactory events;
    private final RouteSelector selector;
    private final ReferencePrices prices;
    private final RouterProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    TradeService(QuoteCollector collector, QuoteRequestPublisher quoteRequests, DecisionPublisher decisions,
            TradeTracker tracker, RouteDecidedFactory events, RouteSelector selector, ReferencePrices prices,
            RouterProperties properties, MeterRegistry meters) {
        this.collector = collector;
        this.quoteRequests = quoteRequests;
        this.decisions = decisions;
        this.tracker = tracker;
        this.events = events;
        this.selector = selector;
        this.prices = prices;
        this.properties = properties;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /**
     * Decides and publishes a trade for execution. The trade id is in the logging context meanwhile, so the log lines
     * and the records sent for this trade carry it.
     */
    public RouteDecided execute(TradeIntent intent, Submitter submitter) throws InterruptedException {
        Timer.Sample received = Timer.start(meters);
        String tradeId = UUID.randomUUID().toString();
        MDC.put(TradeIds.MDC_KEY, tradeId);
        try {
            RouteDecided event = decideAndPublish(tradeId, intent, submitter);
            received.stop(Timer.builder(DECISION_TIMER)
                    .description("From a trade request received to its decision published")
                    .tag("route", event.getRoute().name()).register(meters));
            return event;
        } finally {
            MDC.remove(TradeIds.MDC_KEY);
        }
    }

    private RouteDecided decideAndPublish(String tradeId, TradeIntent intent, Submitter submitter)
            throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        Decision decision = decide(requestId, tradeId, intent);
        RouteDecided event = events.create(tradeId, requestId, intent, decision, submitter, now());
        // Stored first, so that a settlement arriving right after the publish finds its trade on any instance.
        tracker.decided(event, submitter.apiKeyId());
        try {
            decisions.publish(event);
        } catch (RuntimeException e) {
            tracker.notPublished(tradeId);
            throw e;
        }
        log.info("Trade {} {} {} for {} -> {}: {}", tradeId, intent.amountIn(), intent.pair(), submitter.label(),
                decision.route(), decision.reason());
        return event;
    }

    /** Runs the same decision without executing: the venues price it without reserving anything. */
    public Decision quote(TradeIntent intent) throws InterruptedException {
        return decide(UUID.randomUUID().toString(), null, intent);
    }

    private Decision decide(String requestId, String tradeId, TradeIntent intent) throws InterruptedException {
        Instant replyBy = now().plus(properties.quoteTimeout());
        collector.open(requestId);
        try {
            quoteRequests.publish(quoteRequest(requestId, tradeId, intent, replyBy));
        } catch (RuntimeException e) {
            collector.abandon(requestId);
            throw e;
        }
        VenueQuotes quotes = collector.await(requestId, properties.quoteTimeout());
        var referenceRate = ReferenceRate.of(intent, prices.usd(intent.input().mint()),
                prices.usd(intent.output().mint()));
        return selector.decide(tradeId == null ? requestId : tradeId, intent, quotes, referenceRate, now());
    }

    private QuoteRequested quoteRequest(String requestId, String tradeId, TradeIntent intent, Instant replyBy) {
        return QuoteRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now())
                .setRequestId(requestId).setTradeId(tradeId).setPair(intent.pair())
                .setInputSymbol(intent.input().symbol()).setInputMint(intent.input().mint())
                .setInputDecimals(intent.input().decimals())
                .setOutputSymbol(intent.output().symbol()).setOutputMint(intent.output().mint())
                .setOutputDecimals(intent.output().decimals())
                .setAmountIn(EventDecimals.atomic(intent.amountIn())).setSlippageBps(intent.slippageBps())
                .setIndicative(tradeId == null).setReplyBy(replyBy)
                .build();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
