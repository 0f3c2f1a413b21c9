package io.otcrouter.otcpool.pricing;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.otcrouter.events.tokens.Token;

/**
 * What the pricer needs to know about one pool, free of persistence: its two tokens, inventory and what of it
 * firm quotes already hold (atomic units), base spread, size tiers, price offset and trade-size limits (atomic base
 * units).
 */
public record PoolTerms(String poolId, Token base, Token quote, BigInteger baseInventory, BigInteger quoteInventory,
        BigInteger reservedBase, BigInteger reservedQuote, int spreadBps, List<SizeTier> sizeTiers,
        int priceOffsetBps, BigInteger minTradeBase, BigInteger maxTradeBase) {

    public PoolTerms {
        sizeTiers = List.copyOf(sizeTiers);
    }

    /** A pool with nothing reserved and no size tiers. */
    public PoolTerms(String poolId, Token base, Token quote, BigInteger baseInventory, BigInteger quoteInventory,
            int spreadBps, int priceOffsetBps, BigInteger minTradeBase, BigInteger maxTradeBase) {
        this(poolId, base, quote, baseInventory, quoteInventory, BigInteger.ZERO, BigInteger.ZERO, spreadBps,
                List.of(), priceOffsetBps, minTradeBase, maxTradeBase);
    }

    /** Which side the client is on when it pays {@code inputMint} and receives {@code outputMint}, if served. */
    public Optional<TradeSide> sideFor(String inputMint, String outputMint) {
        if (base.mint().equals(inputMint) && quote.mint().equals(outputMint)) {
            return Optional.of(TradeSide.SELL_BASE);
        }
        if (quote.mint().equals(inputMint) && base.mint().equals(outputMint)) {
            return Optional.of(TradeSide.BUY_BASE);
        }
        return Optional.empty();
    }

    public Token inputToken(TradeSide side) {
        return side == TradeSide.SELL_BASE ? base : quote;
    }

    public Token outputToken(TradeSide side) {
        return side == TradeSide.SELL_BASE ? quote : base;
    }

    /** Output inventory not held by any firm quote: what a new quote or an unreserved fill may promise. */
    public BigInteger availableOutput(TradeSide side) {
        return side == TradeSide.SELL_BASE ? quoteInventory.subtract(reservedQuote)
                : baseInventory.subtract(reservedBase);
    }
}
