package io.otcrouter.otcpool.admin;

import java.math.BigInteger;
import java.util.List;

import io.otcrouter.otcpool.pricing.SizeTier;

/** Terms that passed {@link PoolRules}: atomic amounts, every range checked. */
record ValidTerms(int spreadBps, List<SizeTier> sizeTiers, int priceOffsetBps, BigInteger minTradeBase,
        BigInteger maxTradeBase, int quoteTtlMs, int execDelayMinMs, int execDelayMaxMs) {
}
