package io.otcrouter.otcpool.reservation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.otcrouter.otcpool.pricing.TierSchedule;
import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * A firm quote's hold on a pool's output inventory: the pool's reserved counter includes {@code outAmount} while
 * this is RESERVED or CLAIMED. Its quote id is the PoolQuoted's, which the router echoes in the OTC leg.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    @Column(name = "quote_id")
    private String quoteId;
    @Column(name = "request_id", nullable = false)
    private String requestId;
    @Column(name = "pool_id", nullable = false)
    private String poolId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TradeSide side;
    @Column(name = "in_amount", nullable = false, precision = 39)
    private BigInteger inAmount;
    @Column(name = "out_amount", nullable = false, precision = 39)
    private BigInteger outAmount;
    @Column(nullable = false, precision = 38, scale = 12)
    private BigDecimal price;
    @Column(name = "spread_bps", nullable = false)
    private int spreadBps;
    /** {@link TierSchedule#encode()}: null when every leg pays the quoted price. */
    @Column(name = "tier_schedule")
    private String tierSchedule;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Reservation() {
    }

    public Reservation(String quoteId, String requestId, String poolId, TradeSide side, BigInteger inAmount,
            BigInteger outAmount, BigDecimal price, int spreadBps, TierSchedule tiers, Instant expiresAt,
            Instant createdAt) {
        this.quoteId = quoteId;
        this.requestId = requestId;
        this.poolId = poolId;
        this.side = side;
        this.inAmount = inAmount;
        this.outAmount = outAmount;
        this.price = price;
        this.spreadBps = spreadBps;
        this.tierSchedule = tiers.encode();
        this.expiresAt = expiresAt;
        this.status = ReservationStatus.RESERVED;
        this.createdAt = createdAt;
    }

    /** Atomic base units this reservation holds (non-zero only when the client buys base). */
    public BigInteger heldBase() {
        return side == TradeSide.BUY_BASE ? outAmount : BigInteger.ZERO;
    }

    /** Atomic quote units this reservation holds (non-zero only when the client sells base). */
    public BigInteger heldQuote() {
        return side == TradeSide.SELL_BASE ? outAmount : BigInteger.ZERO;
    }

    /** The same hold for {@code out} of its output: what a part of it holds of each side. */
    Reservation part(BigInteger out) {
        return new Reservation(quoteId, requestId, poolId, side, inAmount, out, price, spreadBps, tiers(), expiresAt,
                createdAt);
    }

    public boolean isLiveAt(Instant at) {
        return status == ReservationStatus.RESERVED && at.isBefore(expiresAt);
    }

    public String getQuoteId() {
        return quoteId;
    }

    public String getRequestId() {
        return requestId;
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

    /** What legs smaller than the quote pay, by size tier. */
    public TierSchedule tiers() {
        return TierSchedule.decode(tierSchedule);
    }

    public int getSpreadBps() {
        return spreadBps;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public ReservationStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
