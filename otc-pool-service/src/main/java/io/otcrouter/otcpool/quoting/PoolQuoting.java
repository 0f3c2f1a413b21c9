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

import org.springframework.stereotype.Service;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.ReferencePrices;
import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * Answers a quote request on behalf of every active pool serving the pair, in either direction: one
 * {@link PoolQuoted} per pool (QUOTED or REFUSED with a reason), or a single NO_POOL answer so the router does not
 * wait for its deadline. Every answer says how many answers the request gets ({@code poolsInReply}).
 */
@Service
public class PoolQuoting {

    private final PoolRepository pools;
    private final PoolPricer pricer;
    private final ReferencePrices prices;
    private final PoolQuotePublisher publisher;
    private final Clock clock;

    PoolQuoting(PoolRepository pools, PoolPricer pricer, ReferencePrices prices, PoolQuotePublisher publisher,
            Clock clock) {
        this.pools = pools;
        this.pricer = pricer;
        this.prices = prices;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void answer(QuoteRequested request) {
        quotesFor(request).forEach(publisher::publish);
    }

    List<PoolQuoted> quotesFor(QuoteRequested request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<Served> served = new ArrayList<>();
        for (Pool pool : pools.findByActiveTrueOrderById()) {
            pool.terms().sideFor(request.getInputMint(), request.getOutputMint())
                    .ifPresent(side -> served.add(new Served(pool, side)));
        }
        if (served.isEmpty()) {
            return List.of(noPool(request, now));
        }
        BigInteger inAmount = EventDecimals.toAtomic(request.getAmountIn());
        return served.stream().map(s -> quote(request, s, inAmount, served.size(), now)).toList();
    }

    private PoolQuoted quote(QuoteRequested request, Served served, BigInteger inAmount, int poolsInReply,
            Instant now) {
        Pool pool = served.pool();
        PoolPrice price = pricer.price(pool.terms(), served.side(), inAmount, usd(pool.getBaseMint()),
                usd(pool.getQuoteMint()));
        PoolQuoted.Builder quote = base(request, now, poolsInReply)
                .setPoolId(pool.getId())
                .setSpreadBps(pool.getSpreadBps())
                .setMinInAmount(atomicOrNull(price.minInAmount()))
                .setMaxInAmount(atomicOrNull(price.maxInAmount()));
        if (!price.accepted()) {
            return quote.setStatus(PoolQuoteStatus.REFUSED).setReason(price.reason()).build();
        }
        return quote.setStatus(PoolQuoteStatus.QUOTED)
                .setQuoteId(UUID.randomUUID().toString())
                .setOutAmount(EventDecimals.atomic(price.outAmount()))
                .setPrice(EventDecimals.price(price.price()))
                .setExpiresAt(now.plusMillis(pool.getQuoteTtlMs()))
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

    private BigDecimal usd(String mint) {
        return prices.usdPrice(mint).orElse(null);
    }

    private static BigDecimal atomicOrNull(BigInteger amount) {
        return Optional.ofNullable(amount).map(EventDecimals::atomic).orElse(null);
    }

    private record Served(Pool pool, TradeSide side) {
    }
}
