package io.otcrouter.events.tokens;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the system trades, by symbol and by mint. {@link #defaults()} holds the six tokens of the original
 * project; a service may build its own catalog from configuration.
 */
public final class TokenCatalog {

    private final Map<String, Token> bySymbol = new LinkedHashMap<>();
    private final Map<String, Token> byMint = new LinkedHashMap<>();

    public TokenCatalog(Collection<Token> tokens) {
        for (Token token : tokens) {
            if (bySymbol.put(token.symbol(), token) != null || byMint.put(token.mint(), token) != null) {
                throw new IllegalArgumentException("Token listed twice: " + token.symbol());
            }
        }
    }

    public static TokenCatalog defaults() {
        return new TokenCatalog(List.of(
                new Token("SOL", "So11111111111111111111111111111111111111112", 9, "solana", "SOLUSD", "SOLUSDT",
                        new BigDecimal("150.00")),
                new Token("USDC", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", 6, "usd-coin", "USDCUSD", "USDCUSDT",
                        new BigDecimal("1.00")),
                new Token("USDT", "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", 6, "tether", "USDTZUSD", null,
                        new BigDecimal("1.00")),
                new Token("RAY", "4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R", 6, "raydium", "RAYUSD", "RAYUSDT",
                        new BigDecimal("2.00")),
                new Token("JUP", "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", 6, "jupiter-exchange-solana", "JUPUSD",
                        "JUPUSDT", new BigDecimal("0.80")),
                new Token("BONK", "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", 5, "bonk", "BONKUSD", "BONKUSDT",
                        new BigDecimal("0.00002"))));
    }

    public Optional<Token> bySymbol(String symbol) {
        return Optional.ofNullable(symbol).map(s -> bySymbol.get(s.toUpperCase(java.util.Locale.ROOT)));
    }

    public Optional<Token> byMint(String mint) {
        return Optional.ofNullable(byMint.get(mint));
    }

    public List<Token> all() {
        return List.copyOf(bySymbol.values());
    }

    /** The pair key of the contract: INPUT/OUTPUT symbols. */
    public static String pair(Token input, Token output) {
        return input.symbol() + "/" + output.symbol();
    }
}
