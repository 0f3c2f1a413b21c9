package io.otcrouter.otcpool.quoting;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.metrics.PoolMetrics;
import io.otcrouter.otcpool.pool.ActivePools;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.PriceGuard;
import io.otcrouter.otcpool.pricing.TradeSide;
import io.otcrouter.otcpool.quoting.QuoteSizer.Sized;
import io.otcrouter.otcpool.reservation.Reservation;
import io.otcrouter.otcpool.reservation.ReservationRepository;
import io.otcrouter.otcpool.reservation.Reservations;

/**
 * Answers a quote request on behalf of every active pool serving the pair, in either direction: one
 * {@link PoolQuoted} per pool (QUOTED or REFUSED with a reason), or a single NO_POOL answer so the router does not
 * wait for its deadline. Every answer says how many answers the request gets ({@code poolsInReply}).
 *
 * <p>A firm quote (a request for a trade) reserves its output in the pool until it expires or executes, in its own
 * transaction per pool. A trade larger than the pool takes, or than its inventory not held by other quotes can pay,
 * gets a quote for the largest size it can take (the router splits the rest elsewhere); when not even the pool's
 * minimum fits, or another quote took the inventory between pricing and reserving, the pool refuses. A refusal on
 * size or price needs no transaction. An indicative request (GET /api/quote) is priced the same way and reserves
 * nothing. Quoting refuses on a STATIC or stale reference price unless {@code otc.pools.allow-stale-prices} is set.
 * How a quote is sized is {@link QuoteSizer}'s part; the events answered are built by {@link PoolQuotedEvents}.
 */
@Service
public class PoolQuoting {

    private static final Logger log = LoggerFactory.getLogger(PoolQuoting.class);

    private final ActivePools pools;
    private final QuoteSizer sizer;
    private final PriceGuard guard;
    private final ReferencePrices prices;
    private final Reservations reservations;
    private final ReservationRepository reservationRows;
    private final PoolRepository poolRows;
    private final PoolQuotePublisher publisher;
    private final TransactionTemplate transactions;
    private final PoolMetrics metrics;
    private final Clock clock;

    PoolQuoting(ActivePools pools, PoolPricer pricer, PriceGuard guard, ReferencePrices prices,
            Reservations reservations, ReservationRepository reservationRows, PoolRepository poolRows,
            PoolQuotePublisher publisher, TransactionTemplate transactions, PoolMetrics metrics, Clock clock) {
        this.pools = pools;
        this.sizer = new QuoteSizer(pricer);
        this.guard = guard;
        this.prices = prices;
        this.reservations = reservations;
        this.reservationRows = reservationRows;
        this.poolRows = poolRows;
        this.publisher = publisher;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Quotes and publishes, unless the request's {@code replyBy} has passed. Published after the reservation
     * committed, straight to Kafka rather than through the outbox: a quote lost in a crash only leaves a reservation
     * that the sweep releases at its expiry. Each published answer is counted in {@code otc.pool.quotes}.
     */
    public void answer(QuoteRequested request) {
        Instant now = Instant.now(clock);
        if (request.getReplyBy().isBefore(now)) {
            // The router has decided without us: an answer would only hold inventory nobody will use, and after a
            // restart or a backlog it would delay the answers to requests still waited for.
            log.info("Skipping quote request {} ({}): reply was due at {}, now {}", request.getRequestId(),
                    request.getPair(), request.getReplyBy(), now);
            metrics.requestSkipped();
            return;
        }
        for (PoolQuoted quote : quotesFor(request)) {
            publisher.publish(quote);
            metrics.quoted(quote);
        }
    }

    public List<PoolQuoted> quotesFor(QuoteRequested request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<Served> served = new ArrayList<>();
        for (Pool pool : pools.current()) {
            pool.terms().sideFor(request.getInputMint(), request.getOutputMint())
                    .ifPresent(side -> served.add(new Served(pool, side)));
        }
        if (served.isEmpty()) {
            return List.of(PoolQuotedEvents.noPool(request, now));
        }
        BigInteger inAmount = EventDecimals.toAtomic(request.getAmountIn());
        boolean firm = !request.getIndicative();
        return served.stream()
                .map(s -> firm ? firmQuote(request, s, inAmount, served.size(), now)
                        : quote(request, s, inAmount, served.size(), now, false, false))
                .toList();
    }

    /**
     * Prices first without touching the database: a refusal (too small, stale price) reserves nothing, so it needs
     * no transaction, and under load most requests are refusals. Only a quote the pool would give is priced again
     * in a transaction that reserves it, or finds the reservation of an earlier delivery of the same request. So a
     * redelivered request is answered with its earlier quote unless the pool would now refuse it outright; its hold
     * is then released at expiry.
     */
    private PoolQuoted firmQuote(QuoteRequested request, Served served, BigInteger inAmount, int poolsInReply,
            Instant now) {
        PoolQuoted priced = quote(request, served, inAmount, poolsInReply, now, true, false);
        if (priced.getStatus() == PoolQuoteStatus.REFUSED) {
            return priced;
        }
        return transactions.execute(tx -> quote(request, served, inAmount, poolsInReply, now, true, true));
    }

    /** @param reserve look up an earlier delivery's reservation and reserve the quote (inside a transaction) */
    private PoolQuoted quote(QuoteRequested request, Served served, BigInteger inAmount, int poolsInReply,
            Instant now, boolean firm, boolean reserve) {
        Pool pool = served.pool();
        if (reserve) {
            Optional<Reservation> earlier = reservationRows.findByRequestIdAndPoolId(request.getRequestId(),
                    pool.getId());
            if (earlier.isPresent()) {
                return PoolQuotedEvents.again(request, earlier.get(), poolsInReply, now); // redelivered: same quote
            }
        }
        PoolQuoted.Builder quote = PoolQuotedEvents.answering(request, now, poolsInReply).setPoolId(pool.getId())
                .setFirm(firm).setSpreadBps(pool.getSpreadBps());
        Ask ask = new Ask(served, inAmount, prices.price(pool.getBaseMint()).orElse(null),
                prices.price(pool.getQuoteMint()).orElse(null));
        Optional<String> stale = guard.refusal(pool.getBaseSymbol(), ask.base())
                .or(() -> guard.refusal(pool.getQuoteSymbol(), ask.quoteToken()));
        if (stale.isPresent()) {
            return quote.setStatus(PoolQuoteStatus.REFUSED).setReason(stale.get()).build();
        }
        Sized sized = ask.sizedOn(pool, sizer);
        Instant expiresAt = now.plusMillis(pool.getQuoteTtlMs());
        if (!sized.price().accepted()) {
            return PoolQuotedEvents.refused(quote, sized, sized.price().reason());
        }
        if (!reserve) {
            return PoolQuotedEvents.quoted(quote, sized, UUID.randomUUID().toString(), expiresAt);
        }
        return reserved(request, ask, sized, quote, expiresAt, now);
    }

    /**
     * Holds the output of an accepted firm quote. The pools quoting sees are up to ActivePools.MAX_AGE old: other
     * quotes may have taken inventory since, so when the hold fails the quote is sized again on the pool's row as it
     * is now, once, and refused if that does not fit either.
     */
    private PoolQuoted reserved(QuoteRequested request, Ask ask, Sized sized, PoolQuoted.Builder quote,
            Instant expiresAt, Instant now) {
        Pool pool = ask.served().pool();
        Optional<Reservation> held = hold(request, ask, sized, expiresAt, now);
        if (held.isEmpty()) {
            Optional<Pool> current = poolRows.findById(pool.getId()).filter(Pool::isActive);
            if (current.isPresent()) {
                sized = ask.sizedOn(current.get(), sizer);
                held = sized.price().accepted() ? hold(request, ask, sized, expiresAt, now) : Optional.empty();
            }
        }
        if (held.isEmpty()) {
            return PoolQuotedEvents.refused(quote, sized, sized.price().accepted()
                    ? "Insufficient " + pool.terms().outputToken(ask.served().side()).symbol()
                            + " inventory: the rest is held by other firm quotes"
                    : sized.price().reason());
        }
        return PoolQuotedEvents.quoted(quote, sized, held.get().getQuoteId(), expiresAt);
    }

    private Optional<Reservation> hold(QuoteRequested request, Ask ask, Sized sized, Instant expiresAt,
            Instant now) {
        PoolPrice price = sized.price();
        return reservations.reserve(request.getRequestId(), ask.served().pool().getId(), ask.served().side(),
                sized.inAmount(), price.outAmount(), price.price(), price.spread().totalBps(), sized.tiers(), expiresAt,
                now);
    }

    private record Served(Pool pool, TradeSide side) {
    }

    /** What a request asks of one pool: {@code inAmount} on a side, priced on the reference prices of its tokens. */
    private record Ask(Served served, BigInteger inAmount, ReferencePrice base, ReferencePrice quoteToken) {

        Sized sizedOn(Pool pool, QuoteSizer sizer) {
            return sizer.size(pool, served.side(), inAmount, base, quoteToken);
        }
    }
}
