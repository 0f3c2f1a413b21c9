package io.otcrouter.router.routing;

import java.math.BigInteger;

import io.otcrouter.events.tokens.Token;

/** Atomic amounts as a person reads them, for reasons and labels. */
final class Units {

    private Units() {
    }

    static String of(Token token, BigInteger atomic) {
        return token.toUnits(atomic).stripTrailingZeros().toPlainString();
    }
}
