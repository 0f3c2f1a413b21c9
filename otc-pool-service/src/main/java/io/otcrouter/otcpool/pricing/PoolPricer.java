package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.kafka.prices.ReferencePrice;

/**
 * Prices a trade against one OTC pool: a firm price for a size within the pool's limits, at the reference mid
 * (base USD price over quote USD price, shifted by the pool's price offset) less the spread worked out by
 * {@link SpreadCalculator} (base + size tier + inventory skew + volatility). Plain Java, no
 * Spring; the same rules serve quoting and execution so a fill can never be priced differently from a quote
 * made at the same reference prices.
 *
 * <p>All arithmetic is BigDecimal with {@link MathContext#DECIMAL128}; token units and atomic units are converted
 * only through {@link Token}, with each token's own decimals. The output is rounded down to whole atomic units so
 * the pool never gives away more than it priced.
 */
public class PoolPricer {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final SpreadCalculator spreads;

    public PoolPricer(SpreadCalculator spreads) {
        this.spreads = spreads;
    }

    /** With the default spread policy and no noise. */
    public PoolPricer() {
        this(new SpreadCalculator());
    }

    /** Prices with live reference prices and no 24 h change known (no volatility add-on). */
    public PoolPrice price(PoolTerms terms, TradeSide side, BigInteger inAmount, BigDecimal baseUsd,
            BigDecimal quoteUsd) {
        return price(terms, side, inAmount, ReferencePrice.live(baseUsd), ReferencePrice.live(quoteUsd));
    }

    /**
     * @param terms      the pool
     * @param side       which token the client pays
     * @param inAmount   atomic input amount
     * @param base       reference price of the base token, or null if unknown
     * @param quote      reference price of the quote token, or null if unknown
     */
    public PoolPrice price(PoolTerms terms, TradeSide side, BigInteger inAmount, ReferencePrice base,
            ReferencePrice quote) {
        if (!isPositive(base) || !isPositive(quote)) {
            String missing = !isPositive(base) ? terms.base().symbol() : terms.quote().symbol();
            return PoolPrice.refused("No reference price for " + missing + " yet", side);
        }
        BigDecimal mid = mid(terms, base.priceUsd(), quote.priceUsd());
        Token input = terms.inputToken(side);
        Token output = terms.outputToken(side);
        BigInteger minIn = limitInInputUnits(terms, side, terms.minTradeBase(), mid, RoundingMode.CEILING);
        BigInteger maxIn = limitInInputUnits(terms, side, terms.maxTradeBase(), mid, RoundingMode.FLOOR);

        if (inAmount.signum() <= 0) {
            return PoolPrice.refused("Amount must be positive", side, minIn, maxIn, null);
        }
        if (inAmount.compareTo(minIn) < 0) {
            return PoolPrice.refused("Below the pool minimum of " + describe(input, minIn), side, minIn, maxIn,
                    null);
        }
        if (inAmount.compareTo(maxIn) > 0) {
            return PoolPrice.refused("Above the pool maximum of " + describe(input, maxIn), side, minIn, maxIn,
                    null);
        }

        Spread spread = spreads.spread(terms, side, baseEquivalent(terms, side, inAmount, mid), base, quote);
        BigDecimal price = priceAt(mid, spread, side);
        BigInteger outAmount = outFor(input, output, inAmount, price);
        if (outAmount.signum() <= 0) {
            return PoolPrice.refused("Amount too small to return any " + output.symbol(), side, minIn, maxIn,
                    spread);
        }
        BigInteger inventory = terms.availableOutput(side);
        if (outAmount.compareTo(inventory) > 0) {
            return PoolPrice.refused("Insufficient " + output.symbol() + " inventory: needs "
                    + describe(output, outAmount) + ", has " + describe(output, inventory.max(BigInteger.ZERO))
                    + (terms.reservedBase().signum() > 0 || terms.reservedQuote().signum() > 0
                            ? " not held by other firm quotes" : ""), side, minIn, maxIn, spread);
        }
        return PoolPrice.quoted(side, outAmount, price, minIn, maxIn, spread);
    }

    /**
     * The schedule of a quote's size tiers below its size ({@link TierSchedule}): for each size tier of the pool that
     * legs from the quote's minimum up to its size reach, the price of the quote with that tier's add-on in place of
     * its own — the same reference prices, skew, volatility and cap — at the tier's largest leg. Flat when the pool
     * has no such tier below the quoted one.
     *
     * @param quoted the accepted price of {@code quotedIn}, made with {@code base} and {@code quote}
     */
    public TierSchedule schedule(PoolTerms terms, TradeSide side, BigInteger quotedIn, PoolPrice quoted,
            ReferencePrice base, ReferencePrice quote) {
        if (!quoted.accepted() || quoted.spread() == null || terms.sizeTiers().isEmpty()) {
            return TierSchedule.FLAT;
        }
        BigDecimal mid = mid(terms, base.priceUsd(), quote.priceUsd());
        List<SizeTier> sizeTiers = new ArrayList<>(terms.sizeTiers());
        if (sizeTiers.stream().noneMatch(tier -> tier.minTradeBase().signum() == 0)) {
            sizeTiers.add(new SizeTier(BigInteger.ZERO, 0)); // below the first bracket nothing is added
        }
        sizeTiers.sort(Comparator.comparing(SizeTier::minTradeBase));
        List<TierSchedule.Tier> tiers = new ArrayList<>();
        for (int k = 0; k < sizeTiers.size(); k++) {
            BigInteger lo = firstInputReaching(terms, side, sizeTiers.get(k).minTradeBase(), mid)
                    .max(quoted.minInAmount());
            BigInteger hi = k + 1 < sizeTiers.size()
                    ? firstInputReaching(terms, side, sizeTiers.get(k + 1).minTradeBase(), mid)
                            .subtract(BigInteger.ONE).min(quotedIn)
                    : quotedIn;
            if (lo.compareTo(hi) > 0) {
                continue;
            }
            if (hi.equals(quotedIn)) {
                boolean sameBracket = sizeTiers.get(k).addBps() == quoted.spread().sizeTierBps();
                tiers.add(new TierSchedule.Tier(lo, quotedIn, quoted.outAmount(), quoted.spread().totalBps(),
                        quoted.price()));
                return sameBracket && tiers.size() > 1 ? new TierSchedule(tiers) : TierSchedule.FLAT;
            }
            Spread spread = quoted.spread().withSizeTierBps(sizeTiers.get(k).addBps());
            BigDecimal price = priceAt(mid, spread, side);
            BigInteger out = outFor(terms.inputToken(side), terms.outputToken(side), hi, price);
            if (out.signum() <= 0) {
                return TierSchedule.FLAT;
            }
            tiers.add(new TierSchedule.Tier(lo, hi, out, spread.totalBps(), price));
        }
        return TierSchedule.FLAT;
    }

    /** The trade's size in atomic base units, which picks its size tier: its value at the mid when buying base. */
    private static BigInteger baseEquivalent(PoolTerms terms, TradeSide side, BigInteger inAmount, BigDecimal mid) {
        return side == TradeSide.SELL_BASE ? inAmount
                : terms.base().toAtomic(terms.quote().toUnits(inAmount).divide(mid, MC)
                        .setScale(terms.base().decimals(), RoundingMode.DOWN));
    }

    /** The smallest input whose base equivalent reaches {@code minTradeBase}: where a size tier starts. */
    private static BigInteger firstInputReaching(PoolTerms terms, TradeSide side, BigInteger minTradeBase,
            BigDecimal mid) {
        if (side == TradeSide.SELL_BASE) {
            return minTradeBase;
        }
        BigInteger first = limitInInputUnits(terms, side, minTradeBase, mid, RoundingMode.CEILING);
        while (first.signum() > 0 && baseEquivalent(terms, side, first.subtract(BigInteger.ONE), mid)
                .compareTo(minTradeBase) >= 0) {
            first = first.subtract(BigInteger.ONE);
        }
        while (baseEquivalent(terms, side, first, mid).compareTo(minTradeBase) < 0) {
            first = first.add(BigInteger.ONE);
        }
        return first;
    }

    /** Output token units per input token unit at the mid less the spread. */
    private static BigDecimal priceAt(BigDecimal mid, Spread spread, TradeSide side) {
        BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(spread.totalBps()).divide(BPS, MC), MC);
        return side == TradeSide.SELL_BASE ? mid.multiply(keep, MC) : keep.divide(mid, MC);
    }

    /** The atomic output of {@code inAmount} at {@code price}, rounded down: never more than the pool priced. */
    private static BigInteger outFor(Token input, Token output, BigInteger inAmount, BigDecimal price) {
        return input.toUnits(inAmount).multiply(price, MC).movePointRight(output.decimals())
                .setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** Base priced in quote units, e.g. USDC per SOL, shifted by the pool's price offset. */
    static BigDecimal mid(PoolTerms terms, BigDecimal baseUsd, BigDecimal quoteUsd) {
        BigDecimal offset = BigDecimal.ONE.add(BigDecimal.valueOf(terms.priceOffsetBps()).divide(BPS, MC), MC);
        return baseUsd.divide(quoteUsd, MC).multiply(offset, MC);
    }

    /**
     * A size limit given in atomic base units, expressed in atomic input units: itself when selling base, its
     * value at the mid (the base-equivalent of the input) when buying base.
     */
    private static BigInteger limitInInputUnits(PoolTerms terms, TradeSide side, BigInteger baseLimit,
            BigDecimal mid, RoundingMode rounding) {
        if (side == TradeSide.SELL_BASE) {
            return baseLimit;
        }
        BigDecimal quoteUnits = terms.base().toUnits(baseLimit).multiply(mid, MC);
        return quoteUnits.movePointRight(terms.quote().decimals()).setScale(0, rounding).toBigIntegerExact();
    }

    private static String describe(Token token, BigInteger atomic) {
        return token.toUnits(atomic).stripTrailingZeros().toPlainString() + " " + token.symbol();
    }

    private static boolean isPositive(ReferencePrice value) {
        return value != null && value.priceUsd() != null && value.priceUsd().signum() > 0;
    }
}
