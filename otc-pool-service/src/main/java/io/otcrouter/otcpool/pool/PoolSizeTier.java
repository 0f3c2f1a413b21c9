package io.otcrouter.otcpool.pool;

import java.math.BigInteger;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import io.otcrouter.otcpool.pricing.SizeTier;

/** One row of {@code pool_size_tier}. */
@Embeddable
public class PoolSizeTier {

    @Column(name = "min_trade_base", nullable = false, precision = 39)
    private BigInteger minTradeBase;
    @Column(name = "add_bps", nullable = false)
    private int addBps;

    protected PoolSizeTier() {
    }

    public PoolSizeTier(BigInteger minTradeBase, int addBps) {
        this.minTradeBase = minTradeBase;
        this.addBps = addBps;
    }

    public SizeTier toTier() {
        return new SizeTier(minTradeBase, addBps);
    }
}
