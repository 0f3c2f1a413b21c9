package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * How much input goes where: {@code dexIn} to Jupiter (zero when it is not used), the rest to the pools by id (only
 * the pools used, best rate first), all in atomic units, summing to the trade's size; {@code out} is the expected
 * total output net of the cost model.
 */
record Allocation(BigInteger dexIn, Map<String, BigInteger> poolIn, BigDecimal out) {

    boolean usesDex() {
        return dexIn.signum() > 0;
    }
}
