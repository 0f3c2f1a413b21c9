package io.otcrouter.events.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A Solana token as the system knows it: how to name it to each price source and how many decimals its atomic
 * unit has. Conversions between token units and atomic units happen only through {@link #toAtomic} and
 * {@link #toUnits}, so no service guesses decimals (the original project assumed 9 in, 6 out for every pair).
 *
 * @param symbol       our symbol, e.g. SOL
 * @param mint         the SPL mint address
 * @param decimals     decimals of the atomic unit (SOL 9: lamports; USDC 6)
 * @param coingeckoId  CoinGecko id for /simple/price
 * @param krakenPair   Kraken pair against USD, or null when Kraken does not list it
 * @param binanceSymbol Binance symbol against USDT, or null (USDT itself)
 * @param staticPriceUsd the offline fallback price, shown as STATIC
 */
public record Token(String symbol, String mint, int decimals, String coingeckoId, String krakenPair,
        String binanceSymbol, BigDecimal staticPriceUsd) {

    public Token {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(staticPriceUsd, "staticPriceUsd");
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("decimals out of range for " + symbol + ": " + decimals);
        }
    }

    /**
     * Token units to atomic units, exactly.
     *
     * @throws ArithmeticException when the amount has more decimals than the token
     */
    public BigInteger toAtomic(BigDecimal units) {
        return units.movePointRight(decimals).toBigIntegerExact();
    }

    /** Atomic units to token units, exactly (no rounding). */
    public BigDecimal toUnits(BigInteger atomic) {
        return new BigDecimal(atomic, decimals);
    }
}
