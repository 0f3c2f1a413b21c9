package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.router.routing.TradeIntent;

class TradeRequestValidatorTest {

    private final TradeRequestValidator validator =
            new TradeRequestValidator(TokenCatalog.defaults(), new BigDecimal("1000000"));

    @Test
    void shouldConvertEachSideWithItsOwnDecimals() {
        TradeIntent sol = validator.validate(new TradeRequest("SOL", "USDC", "1000", null, null));
        TradeIntent usdc = validator.validate(new TradeRequest("usdc", "USDT", "10", 25, "desk-7.a_b"));

        assertThat(sol.amountIn()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(sol.slippageBps()).isEqualTo(50);
        assertThat(usdc.amountIn()).isEqualTo(BigInteger.valueOf(10_000_000));
        assertThat(usdc.pair()).isEqualTo("USDC/USDT");
        assertThat(usdc.clientOrderId()).isEqualTo("desk-7.a_b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DOGE | USDC | 1      | 50   | inputToken",
            "SOL  | SOL  | 1      | 50   | outputToken",
            "SOL  | USDC | 0      | 50   | amount",
            "SOL  | USDC | -5     | 50   | amount",
            "SOL  | USDC | abc    | 50   | amount",
            "SOL  | USDC | 1e3    | 50   | amount",
            "USDC | SOL  | 1.0000001 | 50 | amount",
            "SOL  | USDC | 1000001 | 50  | amount",
            "SOL  | USDC | 1      | 0    | slippageBps",
            "SOL  | USDC | 1      | 5001 | slippageBps" })
    void shouldRefuseABadFieldAndNameIt(String input, String output, String amount, int slippage, String field) {
        assertThatThrownBy(() -> validator.validate(new TradeRequest(input, output, amount, slippage, null)))
                .isInstanceOfSatisfying(InvalidTradeRequestException.class,
                        e -> assertThat(e.errors()).extracting(InvalidTradeRequestException.FieldError::field)
                                .contains(field));
    }

    @Test
    void shouldRefuseAClientOrderIdOutsideTheAllowedCharacters() {
        assertThatThrownBy(() -> validator.validate(new TradeRequest("SOL", "USDC", "1", 50, "<script>")))
                .isInstanceOf(InvalidTradeRequestException.class).hasMessageContaining("clientOrderId");
        assertThatThrownBy(() -> validator.validate(new TradeRequest("SOL", "USDC", "1", 50, "x".repeat(65))))
                .isInstanceOf(InvalidTradeRequestException.class).hasMessageContaining("clientOrderId");
    }

    @Test
    void shouldReportEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> validator.validate(new TradeRequest(null, "XYZ", "1", 9999, null)))
                .isInstanceOfSatisfying(InvalidTradeRequestException.class,
                        e -> assertThat(e.errors()).hasSize(3));
    }
}
