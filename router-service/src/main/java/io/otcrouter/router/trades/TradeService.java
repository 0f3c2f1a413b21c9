package io.otcrouter.router.trades;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.router.config.RouterProperties;
import io.otcrouter.router.config.RoutingProperties;
import io.otcrouter.router.quoting.QuoteCollector;
import io.otcrouter.router.quoting.QuoteRequestPublisher;
import io.otcrouter.router.routing.Decision;
import io.otcrouter.router.routing.NetworkFee;
import io.otcrouter.router.routing.ReferenceRate;
import io.otcrouter.router.routing.RouteSelector;
import io.otcrouter.router.routing.Silence;
import io.otcrouter.router.routing.TradeIntent;
import io.otcrouter.router.routing.VenueQuotes;
import io.otcrouter.router.tracking.Publication;
import io.otcrouter.router.tracking.TradeTracker;
import io.otcrouter.router.tracking.TradeView;

/**
 * Owns the life of a trade inside the router: ask every venue, wait for their quotes until the deadline, decide,
 * and hand the decision to Kafka before answering the client. One client intent is one trade: an attempt that
 * resumes an Idempotency-Key answers the trade an earlier attempt decided and published, and decides it (under the
 * same trade id) only when no decision of it ever reached the event log (see {@link Resumption}).
 */
@Service
public class TradeService {

    private static final Logger log = LoggerFactory.getLogger(TradeService.class);
    static final String DECISION_TIMER = "otc.router.decision";
    static final String UNCONFIRMED = "otc.router.decisions.unconfirmed";
    static final String RESUMED = "otc.router.trades.resumed";
    static final String UNQUOTED = "otc.router.trades.unquoted";

    private final QuoteCollector collector;
    private final QuoteRequestPublisher quoteRequests;
    private final DecisionPublisher decisions;
    private final DecisionLog decisionLog;
    private final LateAcknowledgements lateAcknowledgements;
    private final PublishTimeouts timeouts;
    private final TradeTracker tracker;
    private final RouteDecidedFactory events;
    private final RouteSelector selector;
    private final ReferencePrices prices;
    private final RouterProperties properties;
    private final RoutingProperties routing;
    private final MeterRegistry meters;
    private final Clock clock;

    TradeService(QuoteCollector collector, QuoteRequestPublisher quoteRequests, DecisionPublisher decisions,
            DecisionLog decisionLog, LateAcknowledgements lateAcknowledgements, PublishTimeouts timeouts,
            TradeTracker tracker, RouteDecidedFactory events, RouteSelector selector, ReferencePrices prices,
            RouterProperties properties, RoutingProperties routing, MeterRegistry meters) {
        this.collector = collector;
        this.quoteRequests = quoteRequests;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
        this.lateAcknowledgements = lateAcknowledgements;
        this.timeouts = timeouts;
        this.tracker = tracker;
        this.events = events;
        this.selector = selector;
        this.prices = prices;
        this.properties = properties;
        this.routing = routing;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /**
     * Decides and publishes the attempt's trade, or answers the trade an earlier attempt under the same key
     * published. The trade id is in the logging context meanwhile, so the log lines and the records sent for this
     * trade carry it.
     *
     * @throws DecisionNotPublishedException the producer refused the decision at once: nothing was published
     * @throws NoQuoteInTimeException        no venue could fill it and Jupiter did not answer: nothing was decided
     * @throws DecisionUnconfirmedException  the decision may be in the log but is not confirmed: poll the trade
     */
    public SubmittedTrade submit(TradeAttempt attempt, TradeIntent intent, Submitter submitter)
            throws InterruptedException {
        Timer.Sample received = Timer.start(meters);
        String tradeId = attempt.tradeId();
        MDC.put(TradeIds.MDC_KEY, tradeId);
        try {
            if (attempt.resumed()) {
                Optional<SubmittedTrade> earlier = resume(tradeId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            TradeView decided = decideAndPublish(attempt, intent, submitter);
            received.stop(Timer.builder(DECISION_TIMER)
                    .description("From a trade request received to its decision published")
                    .tag("route", decided.route()).register(meters));
            return new SubmittedTrade(decided, false);
        } finally {
            MDC.remove(TradeIds.MDC_KEY);
        }
    }

    /** @return the earlier attempt's trade, or empty when this attempt is to decide it */
    private Optional<SubmittedTrade> resume(String tradeId) {
        Publication publication = tracker.publication(tradeId);
        Instant now = now();
        Resumption resumption = Resumption.of(publication, () -> decisionLog.find(tradeId, publication.decidedAt()),
                now, timeouts);
        TradeCounters.resumed(meters, resumption);
        switch (resumption) {
            case ANSWER_EXISTING -> {
                if (!publication.confirmed()) {
                    tracker.published(tradeId, now);
                }
                log.info("Trade {} resumed: its decision is published; answering it, deciding nothing", tradeId);
                return Optional.of(new SubmittedTrade(tracker.find(tradeId).orElseThrow(), true));
            }
            case UNCONFIRMED -> throw new DecisionUnconfirmedException(tradeId,
                    "an earlier attempt's decision may be in the event log; not confirmed yet");
            default -> {
                tracker.notPublished(tradeId);
                log.info("Trade {} resumed: no earlier decision of it reached the event log; deciding it", tradeId);
                return Optional.empty();
            }
        }
    }

    /** @return the published decision as answered to the client (built once: stored, then answered) */
    private TradeView decideAndPublish(TradeAttempt attempt, TradeIntent intent, Submitter submitter)
            throws InterruptedException {
        String tradeId = attempt.tradeId();
        String requestId = UUID.randomUUID().toString();
        Decision decision = decide(requestId, tradeId, intent);
        RouteDecided event = events.create(tradeId, requestId, intent, decision, submitter, now());
        // Stored first, so that a settlement arriving right after the publish finds its trade on any instance, and
        // so that a decision that may be in the log is never forgotten. Refused when another attempt under the
        // same key got there first: one trade id, one decision.
        TradeView view = tracker.view(event);
        if (!tracker.decided(event, view, submitter.apiKeyId())) {
            throw new DecisionUnconfirmedException(tradeId, "another attempt decided this trade meanwhile");
        }
        CompletableFuture<?> acknowledgement;
        try {
            acknowledgement = decisions.publish(event);
        } catch (DecisionNotPublishedException refused) {
            tracker.notPublished(tradeId);
            throw refused;
        }
        awaitAcknowledgement(attempt, acknowledgement);
        log.info("Trade {} {} {} for {} -> {}: {}", tradeId, intent.amountIn(), intent.pair(), submitter.label(),
                decision.route(), decision.reason());
        return view;
    }

    /**
     * Waits for the broker to acknowledge the decision, at most the publish wait (the producer's delivery timeout
     * ends about then too, see {@link PublishTimeouts}). Without an acknowledgement the decision may be in the log:
     * the trade stays tracked, decided, and the client is told to poll it. An acknowledgement under an
     * Idempotency-Key is recorded by the idempotency filter with the key's answer (see {@link TradeAttempt}).
     */
    private void awaitAcknowledgement(TradeAttempt attempt, CompletableFuture<?> acknowledgement)
            throws InterruptedException {
        String tradeId = attempt.tradeId();
        try {
            acknowledgement.get(timeouts.publishWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            TradeCounters.unconfirmed(meters, "timeout");
            lateAcknowledgements.follow(tradeId, acknowledgement);
            throw new DecisionUnconfirmedException(tradeId,
                    "no acknowledgement from the broker within " + timeouts.publishWait().toMillis() + " ms");
        } catch (ExecutionException gaveUp) {
            TradeCounters.unconfirmed(meters, "producer-gave-up");
            throw new DecisionUnconfirmedException(tradeId, "the producer gave up after sending it: "
                    + gaveUp.getCause());
        }
        Instant acknowledgedAt = now();
        if (!attempt.acknowledged(acknowledgedAt)) {
            tracker.published(tradeId, acknowledgedAt);
        }
    }

    /**
     * Runs the same decision without executing: the venues price it without reserving anything.
     *
     * @throws NoQuoteInTimeException no venue could fill it and Jupiter did not answer in time
     */
    public Decision quote(TradeIntent intent) throws InterruptedException {
        return decide(UUID.randomUUID().toString(), null, intent);
    }

    private Decision decide(String requestId, String tradeId, TradeIntent intent) throws InterruptedException {
        Instant replyBy = now().plus(properties.quoteTimeout());
        collector.open(requestId);
        try {
            quoteRequests.publish(QuoteRequests.of(requestId, tradeId, intent, now(), replyBy));
        } catch (RuntimeException e) {
            collector.abandon(requestId);
            throw e;
        }
        VenueQuotes quotes = collector.await(requestId, properties.quoteTimeout());
        Instant now = now();
        var reference = ReferenceRate.of(intent, prices.price(intent.input().mint()),
                prices.price(intent.output().mint()), now, routing.maxPriceAge());
        BigInteger networkFee = NetworkFee.perLegInOutput(selector.policy().networkFeeLamportsPerLeg(), intent.output(),
                prices.usdPrice(NetworkFee.solMint()), prices.usdPrice(intent.output().mint()));
        Decision decision = selector.decide(tradeId == null ? requestId : tradeId, intent, quotes, reference,
                selector.policy().costs().withNetworkFee(networkFee), now);
        Optional<Silence> silence = Silence.of(decision, quotes);
        if (silence.isPresent()) {
            unquoted(tradeId, requestId, intent, silence.get());
        }
        return decision;
    }

    /**
     * Refuses to decide a rejection that only Jupiter's silence caused (see {@link Silence}): nothing is stored or
     * published, the client is told to retry. One INFO line, no stack trace.
     */
    private void unquoted(String tradeId, String requestId, TradeIntent intent, Silence silence) {
        TradeCounters.unquoted(meters, tradeId == null ? "quote" : "trade");
        log.info("{} {} ({} {}) not decided: no venue can fill it and {} did not answer within {} ms; answering 503",
                tradeId == null ? "Quote" : "Trade", tradeId == null ? requestId : tradeId, intent.amountIn(),
                intent.pair(), silence.named(), properties.quoteTimeout().toMillis());
        throw new NoQuoteInTimeException(silence);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
