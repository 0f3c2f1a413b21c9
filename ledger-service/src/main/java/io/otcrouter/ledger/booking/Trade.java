package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

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

import org.hibernate.annotations.DynamicUpdate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;

/**
 * One trade as the ledger records it: the router's decision, then (once all legs are in) its realized outcome.
 *
 * <p>Updated only when it settles (again): the update names the settlement's columns and the version, not the
 * decision's dozen that never change ({@code @DynamicUpdate}).
 */
@Entity
@DynamicUpdate
@Table(name = "trade")
public class Trade {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trade_seq")
    @SequenceGenerator(name = "trade_seq", sequenceName = "trade_seq", allocationSize = 1000)
    private Long id;

    @Column(name = "trade_id", nullable = false, unique = true)
    private String tradeId;
    private String clientOrderId;
    /** "api-key:&lt;key id&gt;" or "dashboard-user:&lt;name&gt;"; null for decisions written before RouteDecided v3. */
    private String submittedBy;
    @Enumerated(EnumType.STRING)
    private Route route;
    @Enumerated(EnumType.STRING)
    private TradeState status;
    private String pair;
    private String inputSymbol;
    private String inputMint;
    private int inputDecimals;
    private String outputSymbol;
    private String outputMint;
    private int outputDecimals;
    @Column(precision = 39)
    private BigInteger amountIn;
    @Column(precision = 39)
    private BigInteger filledInAmount;
    @Column(precision = 39)
    private BigInteger outAmount;
    @Column(precision = 39)
    private BigInteger expectedOutAmount;
    @Column(precision = 39)
    private BigInteger dexBaselineOutAmount;
    @Column(precision = 39)
    private BigInteger savingOutAmount;
    @Column(precision = 30, scale = 6)
    private BigDecimal savingUsd;
    @Column(precision = 30, scale = 6)
    private BigDecimal volumeUsd;
    @Column(precision = 38, scale = 12)
    private BigDecimal executionPrice;
    @Column(precision = 20, scale = 4)
    private BigDecimal slippageVsQuoteBps;
    @Column(precision = 20, scale = 4)
    private BigDecimal shortfallVsArrivalBps;
    @Column(precision = 38, scale = 12)
    private BigDecimal jupiterPriceImpactPct;
    @Column(precision = 38, scale = 12)
    private BigDecimal inputPriceUsd;
    @Column(precision = 38, scale = 12)
    private BigDecimal outputPriceUsd;
    private int legsExpected;
    private Instant decidedAt;
    /**
     * When the ledger booked the decision, by its own clock: its settle window starts here ({@link SettleRule}). Null
     * only for trades settled before the ledger recorded it.
     */
    private Instant bookedAt;
    private Instant settledAt;
    /** Settlements published for this trade: 0 while pending, 1 once settled, one more per correction. */
    private int revision;
    @Version
    private long version;

    protected Trade() {
    }

    /** A trade the router has decided and the ledger books at {@code bookedAt}: PENDING until its legs are in. */
    static Trade decided(RouteDecided decision, Instant bookedAt) {
        Trade trade = new Trade();
        trade.tradeId = decision.getTradeId();
        trade.clientOrderId = decision.getClientOrderId();
        trade.submittedBy = decision.getSubmittedBy();
        trade.route = decision.getRoute();
        trade.status = TradeState.PENDING;
        trade.pair = decision.getPair();
        trade.inputSymbol = decision.getInputSymbol();
        trade.inputMint = decision.getInputMint();
        trade.inputDecimals = decision.getInputDecimals();
        trade.outputSymbol = decision.getOutputSymbol();
        trade.outputMint = decision.getOutputMint();
        trade.outputDecimals = decision.getOutputDecimals();
        trade.amountIn = EventDecimals.toAtomic(decision.getAmountIn());
        trade.expectedOutAmount = EventDecimals.toAtomic(decision.getExpectedOutAmount());
        trade.dexBaselineOutAmount = decision.getDexBaselineOutAmount() == null ? null
                : EventDecimals.toAtomic(decision.getDexBaselineOutAmount());
        trade.jupiterPriceImpactPct = decision.getJupiterPriceImpactPct();
        trade.inputPriceUsd = decision.getInputPriceUsd();
        trade.outputPriceUsd = decision.getOutputPriceUsd();
        trade.legsExpected = decision.getLegs().size();
        trade.decidedAt = decision.getOccurredAt();
        trade.bookedAt = bookedAt;
        return trade;
    }

    TradeTerms terms() {
        return new TradeTerms(inputDecimals, outputDecimals, amountIn, expectedOutAmount, dexBaselineOutAmount,
                inputPriceUsd, outputPriceUsd);
    }

    boolean isPending() {
        return status == TradeState.PENDING;
    }

    /** Settles the trade, or settles it again with the legs booked since (a correction): the next revision. */
    void settle(Settlement settlement, Instant at) {
        status = TradeState.of(settlement.status());
        filledInAmount = settlement.filledIn();
        outAmount = settlement.out();
        executionPrice = settlement.executionPrice();
        savingOutAmount = settlement.savingOut();
        savingUsd = settlement.savingUsd();
        volumeUsd = settlement.volumeUsd();
        slippageVsQuoteBps = settlement.slippageVsQuoteBps();
        shortfallVsArrivalBps = settlement.shortfallVsArrivalBps();
        settledAt = at;
        revision++;
    }

    /**
     * Whether the trade is settled with exactly this outcome already: settling again changes nothing. The time is not
     * compared: a late leg that filled nothing (REJECTED, FAILED) moves the rule's settlement time from the provisional
     * floor to its own, and a correction that changes nothing but that time would make every consumer take the trade
     * out and put it back for nothing.
     */
    boolean settledAs(Settlement settlement) {
        return !isPending() && status == TradeState.of(settlement.status())
                && Objects.equals(filledInAmount, settlement.filledIn()) && Objects.equals(outAmount, settlement.out())
                && sameValue(executionPrice, settlement.executionPrice())
                && Objects.equals(savingOutAmount, settlement.savingOut())
                && sameValue(savingUsd, settlement.savingUsd()) && sameValue(volumeUsd, settlement.volumeUsd())
                && sameValue(slippageVsQuoteBps, settlement.slippageVsQuoteBps())
                && sameValue(shortfallVsArrivalBps, settlement.shortfallVsArrivalBps());
    }

    /**
     * Takes the revision the ledger had published for this trade before a rebuild, or the next one when the rebuilt
     * settlement differs from it (the rebuild then publishes it as a correction).
     */
    void continueRevisions(int revision) {
        if (isPending() || revision < 1) {
            throw new IllegalStateException("Trade " + tradeId + " (" + status + ") cannot be at revision " + revision);
        }
        this.revision = revision;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public Long getId() { return id; }
    public String getTradeId() { return tradeId; }
    public String getClientOrderId() { return clientOrderId; }
    public String getSubmittedBy() { return submittedBy; }
    public Route getRoute() { return route; }
    public TradeState getStatus() { return status; }
    public String getPair() { return pair; }
    public String getInputSymbol() { return inputSymbol; }
    public String getInputMint() { return inputMint; }
    public int getInputDecimals() { return inputDecimals; }
    public String getOutputSymbol() { return outputSymbol; }
    public String getOutputMint() { return outputMint; }
    public int getOutputDecimals() { return outputDecimals; }
    public BigInteger getAmountIn() { return amountIn; }
    public BigInteger getFilledInAmount() { return filledInAmount; }
    public BigInteger getOutAmount() { return outAmount; }
    public BigInteger getExpectedOutAmount() { return expectedOutAmount; }
    public BigInteger getDexBaselineOutAmount() { return dexBaselineOutAmount; }
    public BigInteger getSavingOutAmount() { return savingOutAmount; }
    public BigDecimal getSavingUsd() { return savingUsd; }
    public BigDecimal getVolumeUsd() { return volumeUsd; }
    public BigDecimal getExecutionPrice() { return executionPrice; }
    public BigDecimal getSlippageVsQuoteBps() { return slippageVsQuoteBps; }
    public BigDecimal getShortfallVsArrivalBps() { return shortfallVsArrivalBps; }
    public BigDecimal getJupiterPriceImpactPct() { return jupiterPriceImpactPct; }
    public BigDecimal getInputPriceUsd() { return inputPriceUsd; }
    public BigDecimal getOutputPriceUsd() { return outputPriceUsd; }
    public int getLegsExpected() { return legsExpected; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getBookedAt() { return bookedAt; }
    public Instant getSettledAt() { return settledAt; }
    public int getRevision() { return revision; }
}
