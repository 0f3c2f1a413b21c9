package io.otcrouter.otcpool.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.otcpool.pool.Pool;

/**
 * A pool as the admin API shows it: amounts in token units as plain decimal strings (exact, no binary floating
 * point on the way to a browser). Utilization is {@code 1 - base/initial base} in percent; it turns negative when
 * clients have sold the pool more base than it started with. Reserved amounts are held by unexpired firm quotes;
 * available = inventory - reserved is what a new quote may promise.
 */
public record PoolView(String id, String pair, String baseSymbol, String quoteSymbol, String baseInventory,
        String quoteInventory, String initialBaseInventory, String utilizationPct, int spreadBps,
        int priceOffsetBps, String minTradeBase, String maxTradeBase, int quoteTtlMs, boolean active,
        String status, String reservedBaseInventory, String reservedQuoteInventory, String availableBaseInventory,
        String availableQuoteInventory, List<Tier> sizeTiers, int execDelayMinMs, int execDelayMaxMs) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A size bracket in base-token units. */
    public record Tier(String minTradeBase, int addBps) {
    }

    static PoolView of(Pool pool) {
        Token base = pool.baseToken();
        Token quote = pool.quoteToken();
        return new PoolView(pool.getId(), pool.pair(), pool.getBaseSymbol(), pool.getQuoteSymbol(),
                units(base, pool.getBaseInventory()), units(quote, pool.getQuoteInventory()),
                units(base, pool.getInitialBaseInventory()),
                utilizationPct(pool.getBaseInventory(), pool.getInitialBaseInventory()).toPlainString(),
                pool.getSpreadBps(), pool.getPriceOffsetBps(), units(base, pool.getMinTradeBase()),
                units(base, pool.getMaxTradeBase()), pool.getQuoteTtlMs(), pool.isActive(),
                pool.isActive() ? "ACTIVE" : "INACTIVE", units(base, pool.getReservedBaseInventory()),
                units(quote, pool.getReservedQuoteInventory()),
                units(base, pool.getBaseInventory().subtract(pool.getReservedBaseInventory())),
                units(quote, pool.getQuoteInventory().subtract(pool.getReservedQuoteInventory())),
                pool.getSizeTiers().stream().map(t -> new Tier(units(base, t.minTradeBase()), t.addBps())).toList(),
                pool.getExecDelayMinMs(), pool.getExecDelayMaxMs());
    }

    static BigDecimal utilizationPct(BigInteger base, BigInteger initial) {
        BigDecimal remaining = new BigDecimal(base).divide(new BigDecimal(initial), MathContext.DECIMAL128);
        return BigDecimal.ONE.subtract(remaining).multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String units(Token token, BigInteger atomic) {
        BigDecimal units = token.toUnits(atomic).stripTrailingZeros();
        return (units.scale() < 0 ? units.setScale(0) : units).toPlainString();
    }
}
