package io.otcrouter.otcpool.pricing;

import java.math.BigInteger;

/** A size bracket: a trade whose base-equivalent size reaches {@code minTradeBase} (atomic) pays {@code addBps}. */
public record SizeTier(BigInteger minTradeBase, int addBps) {
}
