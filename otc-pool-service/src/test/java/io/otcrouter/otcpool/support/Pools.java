package io.otcrouter.otcpool.support;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.otcpool.admin.NewPoolInput;
import io.otcrouter.otcpool.admin.TermsInput;

/** Object mother for pools the tests create through the admin use cases. */
public final class Pools {

    private Pools() {
    }

    /** A unique id for a pool of this pair, so tests sharing the database never collide. */
    public static String newId(Token base, Token quote) {
        return (base.symbol() + "-" + quote.symbol() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
    }

    /** 25 bps, no offset, one size tier adding nothing, 10 s quotes, no execution delay. */
    public static NewPoolInput pool(String id, Token base, Token quote, String baseUnits, String quoteUnits,
            String minTradeBase, String maxTradeBase, int quoteTtlMs) {
        return new NewPoolInput(id, base.symbol(), quote.symbol(), baseUnits, quoteUnits, true, 25,
                List.of(new TermsInput.TierInput("0", 0)), 0, minTradeBase, maxTradeBase, quoteTtlMs, 0, 0);
    }

    public static BigInteger atomic(Token token, String units) {
        return token.toAtomic(new java.math.BigDecimal(units));
    }
}
