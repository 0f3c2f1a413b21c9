package io.otcrouter.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AnalyticsViewTest {

    @Test
    void shouldLabelSizeBracketsInUsdThousandsAndMillions() {
        assertThat(AnalyticsView.label(BigDecimal.ZERO, new BigDecimal("1000"))).isEqualTo("< $1k");
        assertThat(AnalyticsView.label(new BigDecimal("10000"), new BigDecimal("100000")))
                .isEqualTo("$10k – $100k");
        assertThat(AnalyticsView.label(new BigDecimal("100000"), new BigDecimal("1000000")))
                .isEqualTo("$100k – $1M");
        assertThat(AnalyticsView.label(new BigDecimal("1000000"), null)).isEqualTo("≥ $1M");
    }
}
