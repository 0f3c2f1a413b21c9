package io.otcrouter.events.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenCatalogTest {

    private final TokenCatalog catalog = TokenCatalog.defaults();

    @ParameterizedTest
    @CsvSource({
            "SOL, So11111111111111111111111111111111111111112, 9",
            "USDC, EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v, 6",
            "USDT, Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB, 6",
            "RAY, 4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R, 6",
            "JUP, JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, 6",
            "BONK, DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, 5" })
    void shouldPinTheMintAndDecimalsOfEveryDefaultToken(String symbol, String mint, int decimals) {
        Token token = catalog.bySymbol(symbol).orElseThrow();

        assertThat(token.mint()).isEqualTo(mint);
        assertThat(token.decimals()).isEqualTo(decimals);
        assertThat(catalog.byMint(mint)).contains(token);
    }

    @Test
    void shouldConvertTenUsdcAndTenUsdtWithTheirOwnSixDecimals() {
        Token usdc = catalog.bySymbol("USDC").orElseThrow();
        Token usdt = catalog.bySymbol("USDT").orElseThrow();

        BigInteger tenUsdc = usdc.toAtomic(new BigDecimal("10"));

        assertThat(tenUsdc).isEqualTo(BigInteger.valueOf(10_000_000));
        // The original project multiplied by 1e9 in and divided by 1e6 out: 10 USDC became 10,000 USDT.
        assertThat(usdt.toUnits(tenUsdc)).isEqualByComparingTo("10");
    }

    @Test
    void shouldConvertSolWithNineDecimals() {
        Token sol = catalog.bySymbol("sol").orElseThrow();

        assertThat(sol.toAtomic(new BigDecimal("1000"))).isEqualTo(new BigInteger("1000000000000"));
        assertThat(sol.toUnits(BigInteger.ONE)).isEqualByComparingTo("0.000000001");
    }

    @Test
    void shouldRefuseMoreDecimalsThanTheTokenHas() {
        Token usdc = catalog.bySymbol("USDC").orElseThrow();

        assertThatThrownBy(() -> usdc.toAtomic(new BigDecimal("1.0000001"))).isInstanceOf(ArithmeticException.class);
    }
}
