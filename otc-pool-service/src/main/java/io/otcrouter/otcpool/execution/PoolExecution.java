package io.otcrouter.otcpool.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.outbox.Outbox;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pool.PoolStateEvents;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.ReferencePrices;
import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * Paper-executes the OTC legs of a routing decision. Each leg is one database transaction holding the idempotency
 * check, the inventory change, the {@code pool_fill} row and the outbox rows of its {@code LegExecuted} and
 * {@code PoolStateChanged}: no fill without its events, no events without the fill, and a redelivered decision
 * (same tradeId and legId) changes nothing.
 *
 * <p>The leg is priced again at the current reference price and filled only if that output still reaches the
 * leg's minimum and the pool holds it; otherwise it is recorded and reported as REJECTED with the reason.
 */
@Service
public class PoolExecution {

    private static final Logger log = LoggerFactory.getLogger(PoolExecution.class);

    private final PoolRepository pools;
    private final PoolFillRepository fills;
    private final PoolPricer pricer;
    private final ReferencePrices prices;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PoolExecution(PoolRepository pools, PoolFillRepository fills, PoolPricer pricer, ReferencePrices prices,
            Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.pools = pools;
        this.fills = fills;
        this.pricer = pricer;
        this.prices = prices;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void execute(RouteDecided decision) {
        decision.getLegs().stream()
                .filter(leg -> leg.getVenue() == Venue.OTC)
                .forEach(leg -> transactions.executeWithoutResult(status -> executeLeg(decision, leg)));
    }

    private void executeLeg(RouteDecided decision, RouteLeg leg) {
        if (fills.existsByTradeIdAndLegId(decision.getTradeId(), leg.getLegId())) {
            log.info("Leg {} of trade {} already executed; duplicate delivery ignored", leg.getLegId(),
                    decision.getTradeId());
            return;
        }
        LegOutcome outcome = new LegOutcome(decision, leg, now());
        Optional<Pool> found = Optional.ofNullable(leg.getPoolId()).flatMap(pools::findById);
        if (found.isEmpty()) {
            reject(outcome, null, "Unknown OTC pool " + leg.getPoolId());
            return;
        }
        Pool pool = found.get();
        Optional<TradeSide> side = pool.terms().sideFor(decision.getInputMint(), decision.getOutputMint());
        if (!pool.isActive() || side.isEmpty()) {
            reject(outcome, side.orElse(null), "Pool " + pool.getId()
                    + (pool.isActive() ? " does not serve " + decision.getPair() : " is not active"));
            return;
        }
        fill(outcome, pool, side.get());
    }

    private void fill(LegOutcome outcome, Pool pool, TradeSide side) {
        BigInteger in = outcome.inAmount();
        PoolPrice price = pricer.price(pool.terms(), side, in, usd(pool.getBaseMint()), usd(pool.getQuoteMint()));
        if (!price.accepted()) {
            reject(outcome, side, price.reason());
            return;
        }
        BigInteger minOut = EventDecimals.toAtomic(outcome.leg().getMinOutAmount());
        if (price.outAmount().compareTo(minOut) < 0) {
            reject(outcome, side, "Output " + price.outAmount() + " at the current price is below the leg minimum "
                    + minOut);
            return;
        }
        BigInteger out = price.outAmount();
        boolean sellingBase = side == TradeSide.SELL_BASE;
        int applied = pools.applyFill(pool.getId(), sellingBase ? in : out.negate(), sellingBase ? out.negate() : in);
        if (applied == 0) {
            reject(outcome, side, "Insufficient " + pool.terms().outputToken(side).symbol() + " inventory");
            return;
        }
        Pool after = pools.findById(pool.getId()).orElseThrow();
        fills.save(PoolFill.filled(outcome.tradeId(), outcome.legId(), pool.getId(), side, in, out,
                price.price(), outcome.at()));
        outbox.append(Topics.POOLS_EXECUTED, outcome.tradeId(), outcome.filled(out, price.price()));
        outbox.append(Topics.POOLS_CHANGED, pool.getId(),
                PoolStateEvents.snapshot(after, PoolStateEvents.FILL, outcome.at()));
        log.info("Filled leg {} of trade {} on {}: {} in, {} out", outcome.legId(), outcome.tradeId(),
                pool.getId(), in, out);
    }

    private void reject(LegOutcome outcome, TradeSide side, String reason) {
        fills.save(PoolFill.rejected(outcome.tradeId(), outcome.legId(), outcome.leg().getPoolId(), side,
                outcome.inAmount(), reason, outcome.at()));
        outbox.append(Topics.POOLS_EXECUTED, outcome.tradeId(), outcome.rejected(reason));
        log.info("Rejected leg {} of trade {}: {}", outcome.legId(), outcome.tradeId(), reason);
    }

    private BigDecimal usd(String mint) {
        return prices.usdPrice(mint).orElse(null);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
