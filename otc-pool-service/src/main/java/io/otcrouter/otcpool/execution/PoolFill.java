package io.otcrouter.otcpool.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.otcrouter.otcpool.pricing.TradeSide;

/** The record that one leg of one trade was executed (or rejected) by a pool; unique per (tradeId, legId). */
@Entity
@Table(name = "pool_fill")
public class PoolFill {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pool_fill_seq")
    @SequenceGenerator(name = "pool_fill_seq", sequenceName = "pool_fill_seq", allocationSize = 50)
    private Long id;
    @Column(name = "trade_id", nullable = false)
    private String tradeId;
    @Column(name = "leg_id", nullable = false)
    private String legId;
    @Column(name = "pool_id")
    private String poolId;
    @Enumerated(EnumType.STRING)
    private TradeSide side;
    @Column(name = "in_amount", nullable = false, precision = 39)
    private BigInteger inAmount;
    @Column(name = "out_amount", nullable = false, precision = 39)
    private BigInteger outAmount;
    @Column(precision = 38, scale = 12)
    private BigDecimal price;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FillStatus status;
    private String reason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PoolFill() {
    }

    private PoolFill(String tradeId, String legId, String poolId, TradeSide side, BigInteger inAmount,
            BigInteger outAmount, BigDecimal price, FillStatus status, String reason, Instant createdAt) {
        this.tradeId = tradeId;
        this.legId = legId;
        this.poolId = poolId;
        this.side = side;
        this.inAmount = inAmount;
        this.outAmount = outAmount;
        this.price = price;
        this.status = status;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    static PoolFill filled(String tradeId, String legId, String poolId, TradeSide side, BigInteger inAmount,
            BigInteger outAmount, BigDecimal price, Instant at) {
        return new PoolFill(tradeId, legId, poolId, side, inAmount, outAmount, price, FillStatus.FILLED, null, at);
    }

    static PoolFill rejected(String tradeId, String legId, String poolId, TradeSide side, BigInteger inAmount,
            String reason, Instant at) {
        return new PoolFill(tradeId, legId, poolId, side, inAmount, BigInteger.ZERO, null, FillStatus.REJECTED,
                reason, at);
    }

    public Long getId() {
        return id;
    }

    public String getTradeId() {
        return tradeId;
    }

    public String getLegId() {
        return legId;
    }

    public String getPoolId() {
        return poolId;
    }

    public TradeSide getSide() {
        return side;
    }

    public BigInteger getInAmount() {
        return inAmount;
    }

    public BigInteger getOutAmount() {
        return outAmount;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public FillStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
