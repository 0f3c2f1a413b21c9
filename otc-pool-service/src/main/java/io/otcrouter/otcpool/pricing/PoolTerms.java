package io.otcrouter.otcpool.pricing;

import java.math.BigInteger;
import java.util.Optional;

import io.otcrouter.events.tokens.Token;

/**
 * What the pricer needs to know about one pool, free of persistence: its two tokens, inventory (atomic units),
 * spread, price offset and trade-size limits (atomic base units).
 */
public record PoolTerms(String poolId, Token base, Token quote, BigInteger baseInventory, BigInteger quoteInventory,
        int spreadBps, int priceOffsetBps, BigInteger minTradeBase, BigInteger maxTradeBase) {

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

    public BigInteger outputInventory(TradeSide side) {
        return side == TradeSide.SELL_BASE ? quoteInventory : baseInventory;
    }
}
