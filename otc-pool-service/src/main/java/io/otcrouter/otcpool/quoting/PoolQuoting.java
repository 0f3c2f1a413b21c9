package io.otcrouter.otcpool.quoting;

import java.math.BigDecimal;
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
import io.otcrouter.otcpool.pricing.Spread;
import io.otcrouter.otcpool.pricing.TradeSide;
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
 * minimum fits, or another quote took the inventory between pricing and reserving, the pool refuses. A refusal on size or price
 * needs no transaction. An indicative request
 * (GET /api/quote) is priced the same way and reserves nothing. Quoting refuses on a STATIC or stale reference
 * price unless {@code otc.pools.allow-stale-prices} is set.
 */
@Service
public class PoolQuoting {

    private static final Logger log = LoggerFactory.getLogger(PoolQuoting.class);

    private final ActivePools pools;
    private final PoolPricer pricer;
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
        this.pricer = pricer;
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
     * Quotes and publishes, unless the request's {@code replyBy} has passed. Published after the reservation committed, straight to Kafka rather than through the
     * outbox: a quote lost in a crash only leaves a reservation that the sweep releases at its expiry. Each published
     * answer is counted in {@code otc.pool.quotes}.
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
            return List.of(noPool(request, now));
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
                return again(request, earlier.get(), poolsInReply, now); // redelivered request: same quote
            }
        }
        PoolQuoted.Builder quote = base(request, now, poolsInReply).setPoolId(pool.getId()).setFirm(firm)
                .setSpreadBps(pool.getSpreadBps());
        ReferencePrice base = prices.price(pool.getBaseMint()).orElse(null);
        ReferencePrice quoteToken = prices.price(pool.getQuoteMint()).orElse(null);
        Optional<String> stale = guard.refusal(pool.getBaseSymbol(), base)
                .or(() -> guard.refusal(pool.getQuoteSymbol(), quoteToken));
        if (stale.isPresent()) {
            return quote.setStatus(PoolQuoteStatus.REFUSED).setReason(stale.get()).build();
        }
        Sized sized = size(pool, served.side(), inAmount, base, quoteToken);
        Instant expiresAt = now.plusMillis(pool.getQuoteTtlMs());
        String quoteId = UUID.randomUUID().toString();
        if (reserve && sized.price().accepted()) {
            Optional<Reservation> held = reserve(request, pool.getId(), served.side(), sized, expiresAt, now);
            if (held.isEmpty()) {
                // The pools quoting sees are up to ActivePools.MAX_AGE old: other quotes may have taken inventory
                // since. Size the quote again on the pool's row as it is now, once.
                Optional<Pool> current = poolRows.findById(pool.getId()).filter(Pool::isActive);
                if (current.isPresent()) {
                    sized = size(current.get(), served.side(), inAmount, base, quoteToken);
                    held = sized.price().accepted()
                            ? reserve(request, pool.getId(), served.side(), sized, expiresAt, now)
                            : Optional.empty();
                }
            }
            if (held.isEmpty()) {
                return sizedAs(quote, sized).setStatus(PoolQuoteStatus.REFUSED).setReason(sized.price().accepted()
                        ? "Insufficient " + pool.terms().outputToken(served.side()).symbol()
                                + " inventory: the rest is held by other firm quotes"
                        : sized.price().reason()).build();
            }
            quoteId = held.get().getQuoteId();
        }
        PoolPrice price = sized.price();
        if (!price.accepted()) {
            return sizedAs(quote, sized).setStatus(PoolQuoteStatus.REFUSED).setReason(price.reason()).build();
        }
        return sizedAs(quote, sized).setStatus(PoolQuoteStatus.QUOTED)
                .setQuoteId(quoteId)
                .setOutAmount(EventDecimals.atomic(price.outAmount()))
                .setPrice(EventDecimals.price(price.price()))
                .setExpiresAt(expiresAt)
                .build();
    }

    private Optional<Reservation> reserve(QuoteRequested request, String poolId, TradeSide side, Sized sized,
            Instant expiresAt, Instant now) {
        PoolPrice price = sized.price();
        return reservations.reserve(request.getRequestId(), poolId, side, sized.inAmount(), price.outAmount(),
                price.price(), price.spread().totalBps(), expiresAt, now);
    }

    /**
     * The size the pool quotes for a request of {@code inAmount}: all of it, or — so the router can split the rest
     * elsewhere instead of losing the pool — the pool's maximum when the trade is larger, or the largest size its
     * output not held by other quotes can pay when that is short.
     */
    private Sized size(Pool pool, TradeSide side, BigInteger inAmount, ReferencePrice base, ReferencePrice quoteToken) {
        PoolPrice price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
        if (!price.accepted() && aboveMaximum(inAmount, price)) {
            inAmount = price.maxInAmount();
            price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
        }
        if (!price.accepted() && price.spread() != null && price.minInAmount() != null) {
            Optional<BigInteger> payable = largestPayable(pool, side, price.minInAmount(), inAmount, base,
                    quoteToken);
            if (payable.isPresent()) {
                inAmount = payable.get();
                price = pricer.price(pool.terms(), side, inAmount, base, quoteToken);
            }
        }
        return new Sized(inAmount, price);
    }

    private static PoolQuoted.Builder sizedAs(PoolQuoted.Builder quote, Sized sized) {
        PoolPrice price = sized.price();
        quote.setInAmount(EventDecimals.atomic(sized.inAmount()))
                .setMinInAmount(atomicOrNull(price.minInAmount())).setMaxInAmount(atomicOrNull(price.maxInAmount()));
        withSpread(quote, price.spread());
        return quote;
    }

    /**
     * The largest input from {@code minIn} below {@code refused} the pool prices and can pay from its free inventory,
     * by bisection (the output grows with the input), or empty when even the minimum is refused.
     */
    private Optional<BigInteger> largestPayable(Pool pool, TradeSide side, BigInteger minIn, BigInteger refused,
            ReferencePrice base, ReferencePrice quoteToken) {
        if (minIn.compareTo(refused) >= 0 || !pricer.price(pool.terms(), side, minIn, base, quoteToken).accepted()) {
            return Optional.empty();
        }
        BigInteger payable = minIn;
        BigInteger tooMuch = refused;
        while (tooMuch.subtract(payable).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = payable.add(tooMuch).shiftRight(1);
            if (pricer.price(pool.terms(), side, mid, base, quoteToken).accepted()) {
                payable = mid;
            } else {
                tooMuch = mid;
            }
        }
        return Optional.of(payable);
    }

    private static boolean aboveMaximum(BigInteger inAmount, PoolPrice price) {
        return price.maxInAmount() != null && price.minInAmount() != null
                && inAmount.compareTo(price.maxInAmount()) > 0
                && price.maxInAmount().compareTo(price.minInAmount()) >= 0;
    }

    private static void withSpread(PoolQuoted.Builder quote, Spread spread) {
        if (spread != null) {
            quote.setSpreadBps(spread.totalBps()).setBaseSpreadBps(spread.baseBps())
                    .setSizeTierBps(spread.sizeTierBps()).setSkewBps(spread.skewBps())
                    .setVolatilityBps(spread.volatilityBps());
        }
    }

    private static PoolQuoted again(QuoteRequested request, Reservation held, int poolsInReply, Instant now) {
        return base(request, now, poolsInReply).setPoolId(held.getPoolId()).setFirm(true)
                .setInAmount(EventDecimals.atomic(held.getInAmount()))
                .setStatus(PoolQuoteStatus.QUOTED)
                .setQuoteId(held.getQuoteId())
                .setSpreadBps(held.getSpreadBps())
                .setOutAmount(EventDecimals.atomic(held.getOutAmount()))
                .setPrice(EventDecimals.price(held.getPrice()))
                .setExpiresAt(held.getExpiresAt())
                .build();
    }

    private static PoolQuoted noPool(QuoteRequested request, Instant now) {
        return base(request, now, 1)
                .setStatus(PoolQuoteStatus.NO_POOL)
                .setReason("No active OTC pool serves " + request.getPair())
                .build();
    }

    private static PoolQuoted.Builder base(QuoteRequested request, Instant now, int poolsInReply) {
        return PoolQuoted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setRequestId(request.getRequestId())
                .setPair(request.getPair())
                .setInputMint(request.getInputMint())
                .setOutputMint(request.getOutputMint())
                .setInAmount(request.getAmountIn())
                .setPoolsInReply(poolsInReply);
    }

    private static BigDecimal atomicOrNull(BigInteger amount) {
        return Optional.ofNullable(amount).map(EventDecimals::atomic).orElse(null);
    }

    private record Served(Pool pool, TradeSide side) {
    }

    /** A size the pool was priced for, and its price (accepted or not). */
    private record Sized(BigInteger inAmount, PoolPrice price) {
    }
}
