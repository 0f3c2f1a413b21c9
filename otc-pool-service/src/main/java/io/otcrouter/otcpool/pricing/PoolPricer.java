package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

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

        BigInteger baseEquivalent = side == TradeSide.SELL_BASE ? inAmount
                : terms.base().toAtomic(input.toUnits(inAmount).divide(mid, MC).setScale(terms.base().decimals(),
                        RoundingMode.DOWN));
        Spread spread = spreads.spread(terms, side, baseEquivalent, base, quote);
        BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(spread.totalBps()).divide(BPS, MC), MC);
        BigDecimal price = side == TradeSide.SELL_BASE
                ? mid.multiply(keep, MC)
                : keep.divide(mid, MC);
        BigDecimal outUnits = input.toUnits(inAmount).multiply(price, MC);
        BigInteger outAmount = outUnits.movePointRight(output.decimals()).setScale(0, RoundingMode.DOWN)
                .toBigIntegerExact();
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
