package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PoolAuditTest {

    private static PoolAudit.PoolState state(long base, long quote, long fillBase, long fillQuote, long fills) {
        return new PoolAudit.PoolState(BigInteger.valueOf(base), BigInteger.valueOf(quote), BigInteger.valueOf(fillBase),
                BigInteger.valueOf(fillQuote), fills);
    }

    @Test
    void inventoryThatMovedExactlyByItsFillsPasses() {
        var before = Map.of("sol-usdc-main", state(50_000, 7_500, 0, 0, 0));
        // one client sold 10 base for 1,490 quote, another bought 2 base for 301 quote
        var after = Map.of("sol-usdc-main", state(50_008, 6_311, 8, -1_189, 2));
        assertThat(PoolAudit.compare(before, after)).isEmpty();
    }

    @Test
    void anyDifferenceIsNamed() {
        var before = Map.of("p", state(100, 100, 5, 5, 1));
        var after = Map.of("p", state(110, 90, 15, -6, 2));
        assertThat(PoolAudit.compare(before, after)).containsExactly(
                "pool p: quote inventory moved by -10, its 1 fills by -11");
        assertThat(PoolAudit.compare(Map.of("gone", state(1, 1, 0, 0, 0)), Map.of()))
                .containsExactly("pool gone disappeared");
    }
}
