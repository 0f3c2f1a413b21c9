package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] values = LongStream.rangeClosed(1, 100).toArray();
        Percentiles p = Percentiles.of(values);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.mean()).isEqualTo(50.5);
    }

    @Test
    void orderOfInputDoesNotMatterAndInputIsNotModified() {
        long[] values = {900, 5, 300, 1, 70};
        Percentiles p = Percentiles.of(values);
        assertThat(values).containsExactly(900, 5, 300, 1, 70);
        assertThat(p.p50()).isEqualTo(70);
        assertThat(p.p99()).isEqualTo(900);
        assertThat(p.max()).isEqualTo(900);
    }

    @Test
    void aSingleOutlierInAThousandIsAboveP99ButIsTheMax() {
        long[] values = new long[1000];
        java.util.Arrays.fill(values, 10);
        values[123] = 5000;
        Percentiles p = Percentiles.of(values);
        assertThat(p.p99()).isEqualTo(10);
        assertThat(p.max()).isEqualTo(5000);
        values[124] = 5000;
        values[125] = 5000;
        values[126] = 5000;
        values[127] = 5000;
        values[128] = 5000;
        values[129] = 5000;
        values[130] = 5000;
        values[131] = 5000;
        values[132] = 5000;
        values[133] = 5000;
        // eleven of a thousand above: the 990th value is one of them
        assertThat(Percentiles.of(values).p99()).isEqualTo(5000);
    }

    @Test
    void singleValueAndEmpty() {
        assertThat(Percentiles.of(new long[] {42})).extracting(Percentiles::p50, Percentiles::p99, Percentiles::max)
                .containsExactly(42L, 42L, 42L);
        assertThat(Percentiles.of(new long[0])).isEqualTo(Percentiles.EMPTY);
        assertThatThrownBy(() -> Percentiles.rank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
