package io.otcrouter.otcpool.quoting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoteTier;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.Spread;
import io.otcrouter.otcpool.pricing.TierSchedule;
import io.otcrouter.otcpool.quoting.QuoteSizer.Sized;
import io.otcrouter.otcpool.reservation.Reservation;

/** Builds the {@link PoolQuoted} answers to a request: each a new event (own eventId) for one request and time. */
final class PoolQuotedEvents {

    private PoolQuotedEvents() {
    }

    /** What every answer to {@code request} carries, with a new eventId. */
    static PoolQuoted.Builder answering(QuoteRequested request, Instant now, int poolsInReply) {
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

    /** The one answer when no active pool serves the pair, so the router does not wait for its deadline. */
    static PoolQuoted noPool(QuoteRequested request, Instant now) {
        return answering(request, now, 1)
                .setStatus(PoolQuoteStatus.NO_POOL)
                .setReason("No active OTC pool serves " + request.getPair())
                .build();
    }

    /** The quote an earlier delivery of the request reserved, given again. */
    static PoolQuoted again(QuoteRequested request, Reservation held, int poolsInReply, Instant now) {
        return answering(request, now, poolsInReply).setPoolId(held.getPoolId()).setFirm(true)
                .setInAmount(EventDecimals.atomic(held.getInAmount()))
                .setStatus(PoolQuoteStatus.QUOTED)
                .setQuoteId(held.getQuoteId())
                .setSpreadBps(held.getSpreadBps())
                .setOutAmount(EventDecimals.atomic(held.getOutAmount()))
                .setPrice(EventDecimals.price(held.getPrice()))
                .setExpiresAt(held.getExpiresAt())
                .setTiers(tiers(held.tiers()))
                .build();
    }

    /** A refusal of the size the pool was priced for, with its limits and spread. */
    static PoolQuoted refused(PoolQuoted.Builder quote, Sized sized, String reason) {
        return sizedAs(quote, sized).setStatus(PoolQuoteStatus.REFUSED).setReason(reason).build();
    }

    /** A quote for the size the pool was priced for, valid until {@code expiresAt}. */
    static PoolQuoted quoted(PoolQuoted.Builder quote, Sized sized, String quoteId, Instant expiresAt) {
        PoolPrice price = sized.price();
        return sizedAs(quote, sized).setStatus(PoolQuoteStatus.QUOTED)
                .setQuoteId(quoteId)
                .setOutAmount(EventDecimals.atomic(price.outAmount()))
                .setPrice(EventDecimals.price(price.price()))
                .setExpiresAt(expiresAt)
                .setTiers(tiers(sized.tiers()))
                .build();
    }

    /** The schedule as published: null when every leg pays the quote's own price. */
    private static List<PoolQuoteTier> tiers(TierSchedule schedule) {
        if (schedule.isFlat()) {
            return null;
        }
        return schedule.tiers().stream().map(tier -> PoolQuoteTier.newBuilder()
                .setMinInAmount(EventDecimals.atomic(tier.minIn())).setInAmount(EventDecimals.atomic(tier.in()))
                .setOutAmount(EventDecimals.atomic(tier.out())).setSpreadBps(tier.spreadBps()).build()).toList();
    }

    private static PoolQuoted.Builder sizedAs(PoolQuoted.Builder quote, Sized sized) {
        PoolPrice price = sized.price();
        quote.setInAmount(EventDecimals.atomic(sized.inAmount()))
                .setMinInAmount(atomicOrNull(price.minInAmount())).setMaxInAmount(atomicOrNull(price.maxInAmount()));
        withSpread(quote, price.spread());
        return quote;
    }

    private static void withSpread(PoolQuoted.Builder quote, Spread spread) {
        if (spread != null) {
            quote.setSpreadBps(spread.totalBps()).setBaseSpreadBps(spread.baseBps())
                    .setSizeTierBps(spread.sizeTierBps()).setSkewBps(spread.skewBps())
                    .setVolatilityBps(spread.volatilityBps());
        }
    }

    private static BigDecimal atomicOrNull(BigInteger amount) {
        return Optional.ofNullable(amount).map(EventDecimals::atomic).orElse(null);
    }
}
