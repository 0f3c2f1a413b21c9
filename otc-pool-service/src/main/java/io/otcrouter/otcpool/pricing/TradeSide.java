package io.otcrouter.otcpool.pricing;

/** The direction of a trade seen from the client: it sells the pool's base token, or buys it with quote. */
public enum TradeSide {
    /** Input is the base token (e.g. SOL in, USDC out). */
    SELL_BASE,
    /** Input is the quote token (e.g. USDC in, SOL out). */
    BUY_BASE
}
