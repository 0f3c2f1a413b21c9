package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SizeDistributionTest {

    private static final int DRAWS = 200_000;

    @Test
    void everySizeIsBetweenOneAndFiveThousandSolWithThreeDecimals() {
        SizeDistribution sizes = SizeDistribution.defaultSol();
        SplittableRandom random = new SplittableRandom(7);
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 0; i < DRAWS; i++) {
            BigDecimal size = sizes.next(random);
            assertThat(size.scale()).isEqualTo(3);
            assertThat(size).isBetween(BigDecimal.ONE.setScale(3), new BigDecimal("5000.000"));
            min = min == null || size.compareTo(min) < 0 ? size : min;
            max = max == null || size.compareTo(max) > 0 ? size : max;
        }
        assertThat(min).isLessThan(new BigDecimal("1.01"));
        assertThat(max).isGreaterThan(new BigDecimal("4000"));
    }

    @Test
    void theQuantileFunctionSpansExactlyTheRange() {
        SizeDistribution sizes = SizeDistribution.defaultSol();
        assertThat(sizes.quantile(0)).isEqualTo(1.0);
        assertThat(sizes.quantile(0.999_999_999)).isCloseTo(5000.0, within(0.1));
    }

    @Test
    void mostTradesAreSmallWithALongTail() {
        SizeDistribution sizes = SizeDistribution.defaultSol();
        SplittableRandom random = new SplittableRandom(11);
        List<BigDecimal> drawn = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            drawn.add(sizes.next(random));
        }
        Collections.sort(drawn);
        BigDecimal median = drawn.get(DRAWS / 2);
        BigDecimal mean = drawn.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(DRAWS), java.math.RoundingMode.HALF_UP);
        long above100 = drawn.stream().filter(s -> s.compareTo(BigDecimal.valueOf(100)) > 0).count();
        long above1000 = drawn.stream().filter(s -> s.compareTo(BigDecimal.valueOf(1000)) > 0).count();
        // median about 3.9 SOL, mean about 70 SOL: right-skewed
        assertThat(median).isBetween(new BigDecimal("3.5"), new BigDecimal("4.5"));
        assertThat(mean).isBetween(new BigDecimal("60"), new BigDecimal("80"));
        assertThat(above100 / (double) DRAWS).isCloseTo(0.087, within(0.01));
        assertThat(above1000 / (double) DRAWS).isCloseTo(0.0177, within(0.003));
    }

    @Test
    void theMixIsMostlySolUsdcWithAmountsAsExactDecimals() {
        TradeMix mix = new TradeMix(SizeDistribution.defaultSol());
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            TradeMix.Trade trade = mix.next(random);
            pairs.merge(trade.inputToken() + "/" + trade.outputToken(), 1, Integer::sum);
            if (trade.inputToken().equals("USDC")) {
                assertThat(trade.amount().scale()).isEqualTo(2);
                assertThat(trade.amount()).isBetween(new BigDecimal("150"), new BigDecimal("750000"));
            }
        }
        assertThat(pairs.keySet()).containsExactlyInAnyOrder("SOL/USDC", "SOL/USDT", "USDC/SOL");
        assertThat(pairs.get("SOL/USDC") / 50_000.0).isCloseTo(0.80, within(0.01));
        assertThat(pairs.get("SOL/USDT") / 50_000.0).isCloseTo(0.12, within(0.01));
        assertThat(pairs.get("USDC/SOL") / 50_000.0).isCloseTo(0.08, within(0.01));
        assertThat(new TradeMix.Trade("SOL", "USDC", new BigDecimal("1234.500")).json(50, "load-x-1"))
                .isEqualTo("{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1234.500\","
                        + "\"slippageBps\":50,\"clientOrderId\":\"load-x-1\"}");
    }
}
