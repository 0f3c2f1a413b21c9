package io.otcrouter.ledger.booking;

import java.math.BigInteger;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteLeg;

/**
 * One leg as the router decided it, kept for what settlement needs of it: the output it was expected to return, so a
 * partial fill's slippage is measured against the legs that filled. Booked with its decision, immutable.
 */
@Entity
@Immutable
@Table(name = "decided_leg")
public class DecidedLeg {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "decided_leg_seq")
    @SequenceGenerator(name = "decided_leg_seq", sequenceName = "decided_leg_seq", allocationSize = 1000)
    private Long id;

    private String tradeId;
    private String legId;
    @Column(precision = 39)
    private BigInteger expectedOutAmount;

    protected DecidedLeg() {
    }

    static DecidedLeg of(String tradeId, RouteLeg leg) {
        DecidedLeg decided = new DecidedLeg();
        decided.tradeId = tradeId;
        decided.legId = leg.getLegId();
        decided.expectedOutAmount = EventDecimals.toAtomic(leg.getExpectedOutAmount());
        return decided;
    }

    public String getTradeId() { return tradeId; }
    public String getLegId() { return legId; }
    public BigInteger getExpectedOutAmount() { return expectedOutAmount; }
}
