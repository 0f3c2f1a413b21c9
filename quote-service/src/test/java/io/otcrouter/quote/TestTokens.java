package io.otcrouter.quote;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Named tokens of the default catalog for tests. */
public final class TestTokens {

    public static final TokenCatalog CATALOG = TokenCatalog.defaults();
    public static final Token SOL = CATALOG.bySymbol("SOL").orElseThrow();
    public static final Token USDC = CATALOG.bySymbol("USDC").orElseThrow();
    public static final Token USDT = CATALOG.bySymbol("USDT").orElseThrow();
    public static final Token BONK = CATALOG.bySymbol("BONK").orElseThrow();

    private TestTokens() {
    }
}
