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
import jakarta.persistence.Version;

import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * One leg of one trade executed by a pool, unique per (tradeId, legId): inserted PENDING when the decision is
 * accepted (the idempotency claim), then completed once as FILLED or REJECTED after the simulated delay.
 */
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
    @Column(name = "quote_id")
    private String quoteId;
    @Column(name = "min_out_amount", precision = 39)
    private BigInteger minOutAmount;
    @Column(name = "due_at")
    private Instant dueAt;
    /** True when a firm quote's reservation was claimed for this leg: it fills at the quoted price. */
    @Column(nullable = false)
    private boolean reserved;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Version
    private long version;

    protected PoolFill() {
    }

    private PoolFill(String tradeId, String legId, String poolId, TradeSide side, BigInteger inAmount,
            String quoteId, BigInteger minOutAmount, Instant createdAt) {
        this.tradeId = tradeId;
        this.legId = legId;
        this.poolId = poolId;
        this.side = side;
        this.inAmount = inAmount;
        this.quoteId = quoteId;
        this.minOutAmount = minOutAmount;
        this.outAmount = BigInteger.ZERO;
        this.createdAt = createdAt;
    }

    /** A leg accepted for execution at {@code dueAt}, at the reserved quote's price when {@code reserved}. */
    static PoolFill pending(LegRequest leg, String poolId, TradeSide side, boolean reserved, Instant at,
            Instant dueAt) {
        PoolFill fill = new PoolFill(leg.tradeId(), leg.legId(), poolId, side, leg.inAmount(), leg.quoteId(),
                leg.minOut(), at);
        fill.status = FillStatus.PENDING;
        fill.reserved = reserved;
        fill.dueAt = dueAt;
        return fill;
    }

    /** A leg refused at once (unknown pool, inactive, wrong pair). */
    static PoolFill rejectedAtOnce(LegRequest leg, String poolId, TradeSide side, String reason, Instant at) {
        PoolFill fill = new PoolFill(leg.tradeId(), leg.legId(), poolId, side, leg.inAmount(), leg.quoteId(),
                leg.minOut(), at);
        fill.reject(reason, at);
        return fill;
    }

    void fill(BigInteger out, BigDecimal atPrice, Instant at) {
        this.status = FillStatus.FILLED;
        this.outAmount = out;
        this.price = atPrice;
        this.completedAt = at;
    }

    void reject(String why, Instant at) {
        this.status = FillStatus.REJECTED;
        this.outAmount = BigInteger.ZERO;
        this.reason = why;
        this.completedAt = at;
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

    public String getQuoteId() {
        return quoteId;
    }

    public BigInteger getMinOutAmount() {
        return minOutAmount;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public boolean isReserved() {
        return reserved;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
