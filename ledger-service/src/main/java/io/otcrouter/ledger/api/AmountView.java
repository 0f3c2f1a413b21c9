package io.otcrouter.ledger.api;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A token amount as JSON: exact atomic units and token units, both strings so no client parses money as a double.
 */
public record AmountView(String atomic, String units) {

    static AmountView of(BigInteger atomic, int decimals) {
        if (atomic == null) {
            return null;
        }
        return new AmountView(atomic.toString(), new BigDecimal(atomic, decimals).stripTrailingZeros().toPlainString());
    }
}
