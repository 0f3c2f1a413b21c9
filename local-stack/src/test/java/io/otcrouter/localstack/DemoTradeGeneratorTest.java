package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DemoTradeGeneratorTest {

    private final DemoTradeGenerator generator = new DemoTradeGenerator(new Random(42), "run1");
    private final List<DemoTrade> trades = IntStream.range(0, 2000).mapToObj(i -> generator.next()).toList();

    @Test
    void shouldOnlyTradeTheFourDemoPairs() {
        assertThat(trades).extracting(trade -> trade.inputToken() + "/" + trade.outputToken())
                .containsOnly("SOL/USDC", "SOL/USDT", "USDC/SOL", "USDC/USDT");
    }

    @Test
    void shouldSizeSolTradesMostlySmallAndSometimesLarge() {
        List<BigDecimal> solAmounts = trades.stream().filter(trade -> trade.inputToken().equals("SOL")).map(DemoTrade::amount).toList();

        assertThat(solAmounts).allSatisfy(amount -> assertThat(amount)
                .satisfiesAnyOf(small -> assertThat(small).isBetween(new BigDecimal("1.00"), new BigDecimal("50.00")),
                        large -> assertThat(large).isBetween(new BigDecimal("100.00"), new BigDecimal("3000.00"))));
        long large = solAmounts.stream().filter(amount -> amount.compareTo(new BigDecimal("100")) >= 0).count();
        assertThat((double) large / solAmounts.size()).isBetween(0.08, 0.25);
    }

    @Test
    void shouldFormatAmountsWithTwoDecimals() {
        assertThat(trades).allSatisfy(trade -> assertThat(trade.amount().scale()).isEqualTo(2));
    }

    @Test
    void shouldGiveEveryTradeItsOwnClientOrderId() {
        assertThat(trades).extracting(DemoTrade::clientOrderId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("demo-run1-"));
    }

    @Test
    void shouldWriteTheJsonRouterServiceExpects() {
        DemoTrade trade = new DemoTrade("SOL", "USDC", new BigDecimal("12.50"), 50, "demo-1");

        assertThat(trade.toJson()).isEqualTo(
                "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"12.50\",\"slippageBps\":50,\"clientOrderId\":\"demo-1\"}");
    }
}
