package io.otcrouter.testsupport.events;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** The tokens of the default catalog, named, for tests and the Object Mothers' callers. */
public final class TestTokens {

    public static final TokenCatalog CATALOG = TokenCatalog.defaults();
    public static final Token SOL = CATALOG.bySymbol("SOL").orElseThrow();
    public static final Token USDC = CATALOG.bySymbol("USDC").orElseThrow();
    public static final Token USDT = CATALOG.bySymbol("USDT").orElseThrow();
    public static final Token RAY = CATALOG.bySymbol("RAY").orElseThrow();
    public static final Token JUP = CATALOG.bySymbol("JUP").orElseThrow();
    public static final Token BONK = CATALOG.bySymbol("BONK").orElseThrow();

    private TestTokens() {
    }
}
