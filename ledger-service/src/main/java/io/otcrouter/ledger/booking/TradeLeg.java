package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.Venue;

/** The execution of one leg, immutable once booked. Joined to its trade by tradeId (no FK: it may arrive first). */
@Entity
@Immutable
@Table(name = "trade_leg")
public class TradeLeg {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trade_leg_seq")
    @SequenceGenerator(name = "trade_leg_seq", sequenceName = "trade_leg_seq", allocationSize = 1000)
    private Long id;

    private String tradeId;
    private String legId;
    @Enumerated(EnumType.STRING)
    private Venue venue;
    private String poolId;
    private String quoteId;
    @Enumerated(EnumType.STRING)
    private LegStatus status;
    private String reason;
    @Column(precision = 39)
    private BigInteger inAmount;
    @Column(precision = 39)
    private BigInteger outAmount;
    @Column(precision = 38, scale = 12)
    private BigDecimal executionPrice;
    private Instant executedAt;

    protected TradeLeg() {
    }

    static TradeLeg executed(LegExecuted event) {
        TradeLeg leg = new TradeLeg();
        leg.tradeId = event.getTradeId();
        leg.legId = event.getLegId();
        leg.venue = event.getVenue();
        leg.poolId = event.getPoolId();
        leg.quoteId = event.getQuoteId();
        leg.status = event.getStatus();
        leg.reason = event.getReason();
        leg.inAmount = EventDecimals.toAtomic(event.getInAmount());
        leg.outAmount = EventDecimals.toAtomic(event.getOutAmount());
        leg.executionPrice = event.getExecutionPrice();
        leg.executedAt = event.getExecutedAt();
        return leg;
    }

    /** @param expectedOut what the router expected of this leg, null when unknown */
    LegOutcome outcome(BigInteger expectedOut) {
        return new LegOutcome(status, inAmount, outAmount, expectedOut);
    }

    public Long getId() { return id; }
    public String getTradeId() { return tradeId; }
    public String getLegId() { return legId; }
    public Venue getVenue() { return venue; }
    public String getPoolId() { return poolId; }
    public String getQuoteId() { return quoteId; }
    public LegStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public BigInteger getInAmount() { return inAmount; }
    public BigInteger getOutAmount() { return outAmount; }
    public BigDecimal getExecutionPrice() { return executionPrice; }
    public Instant getExecutedAt() { return executedAt; }
}
