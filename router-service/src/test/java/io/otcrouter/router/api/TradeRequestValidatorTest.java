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
        TradeIntent usdc = validator.validate(new TradeRequest("USDC", "USDT", "10.000000", 25, "desk-7.a_b"));

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
            "SOL  | USDC | 1E+99999999 | 50 | amount",
            "SOL  | USDC | +5     | 50   | amount",
            "SOL  | USDC | .5     | 50   | amount",
            "SOL  | USDC | 5.     | 50   | amount",
            "SOL  | USDC | 0x10   | 50   | amount",
            "SOL  | USDC | 1_000  | 50   | amount",
            "SOL  | USDC | 12345678901 | 50 | amount",
            "SOL  | USDC | 1.0000000000000000001 | 50 | amount",
            "usdc | SOL  | 1      | 50   | inputToken",
            "SOL  | Usdc | 1      | 50   | outputToken",
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
    void shouldTakeATokenOnlyAsTheCatalogSpellsIt() {
        for (String symbol : new String[] {"usdc\u0000", "USDC\u0000", " USDC", "USDC ", "usdc", "ＵＳＤＣ"}) {
            assertThatThrownBy(() -> validator.validate(new TradeRequest("SOL", symbol, "1", 50, null)))
                    .as(symbol).isInstanceOf(InvalidTradeRequestException.class)
                    .hasMessageContaining("outputToken: unknown token").hasMessageContaining("spelled exactly so");
        }
    }

    @Test
    void shouldEscapeControlCharactersWhenEchoingAToken() {
        assertThatThrownBy(() -> validator.validate(new TradeRequest("SOL", "usdc\u0000", "1", 50, null)))
                .hasMessageContaining("'usdc\\u0000'").message().doesNotContain("\u0000");
    }

    @Test
    void shouldRefuseA200DigitAmountAtOnceSayingWhy() {
        assertThatThrownBy(() -> validator.validate(new TradeRequest("SOL", "USDC", "9".repeat(200), 50, null)))
                .isInstanceOf(InvalidTradeRequestException.class)
                .hasMessageContaining("amount: '999").hasMessageContaining("is not a plain decimal number of at most 7"
                        + " digits before the point");
    }

    @Test
    void shouldReadAQuotesSlippageParameterAsAWholeNumberOnly() {
        assertThat(validator.validate("SOL", "USDC", "1", "25").slippageBps()).isEqualTo(25);
        assertThat(validator.validate("SOL", "USDC", "1", null).slippageBps()).isEqualTo(50);
        for (String slippage : new String[] {"1.5", "1e2", "-1", "+5", "", " 5", "abc", "0x10", "9999999999"}) {
            assertThatThrownBy(() -> validator.validate("SOL", "USDC", "1", slippage))
                    .as(slippage).isInstanceOf(InvalidTradeRequestException.class)
                    .hasMessageContaining("slippageBps: must be a whole number between 1 and 5000");
        }
        assertThatThrownBy(() -> validator.validate("SOL", "USDC", "1", "0"))
                .hasMessageContaining("slippageBps: must be between 1 and 5000");
    }

    @Test
    void shouldReportEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> validator.validate(new TradeRequest(null, "XYZ", "1", 9999, null)))
                .isInstanceOfSatisfying(InvalidTradeRequestException.class,
                        e -> assertThat(e.errors()).hasSize(3));
    }
}
