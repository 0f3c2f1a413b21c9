package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One named measurement recorded when a trade settles (names kept from the original project, see {@link MetricName}). */
@Entity
@Immutable
@Table(name = "system_metrics")
public class SystemMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "system_metrics_seq")
    @SequenceGenerator(name = "system_metrics_seq", sequenceName = "system_metrics_seq", allocationSize = 1000)
    private Long id;

    private String name;
    @Column(precision = 38, scale = 12)
    private BigDecimal value;
    private Instant recordedAt;
    private String tradeId;

    protected SystemMetric() {
    }

    SystemMetric(MetricName name, BigDecimal value, Instant recordedAt, String tradeId) {
        this.name = name.metricName();
        this.value = value;
        this.recordedAt = recordedAt;
        this.tradeId = tradeId;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public BigDecimal getValue() { return value; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getTradeId() { return tradeId; }
}
