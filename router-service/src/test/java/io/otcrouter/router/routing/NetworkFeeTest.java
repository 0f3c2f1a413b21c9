package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

class NetworkFeeTest {

    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final Token SOL = TOKENS.bySymbol("SOL").orElseThrow();
    private static final Token USDC = TOKENS.bySymbol("USDC").orElseThrow();
    private static final Token BONK = TOKENS.bySymbol("BONK").orElseThrow();
    /** The defaults: 5,000 lamports base fee and 50,000 lamports priority fee. */
    private static final BigInteger FEE_LAMPORTS = BigInteger.valueOf(55_000);
    private static final Optional<BigDecimal> SOL_USD = Optional.of(new BigDecimal("150"));

    @Test
    void shouldPriceTheFeeInTheOutputTokensAtomicUnitsAtTheReferencePrices() {
        // 0.000055 SOL × $150 = $0.00825 = 8,250 atomic USDC.
        assertThat(NetworkFee.perLegInOutput(FEE_LAMPORTS, USDC, SOL_USD, Optional.of(BigDecimal.ONE)))
                .isEqualTo(BigInteger.valueOf(8_250));
        // $0.00825 at $0.00002 per BONK = 412.5 BONK, 5 decimals, rounded up.
        assertThat(NetworkFee.perLegInOutput(FEE_LAMPORTS, BONK, SOL_USD, Optional.of(new BigDecimal("0.00002"))))
                .isEqualTo(BigInteger.valueOf(41_250_000));
    }

    @Test
    void shouldBeTheLamportsThemselvesWhenTheOutputIsSol() {
        assertThat(NetworkFee.perLegInOutput(FEE_LAMPORTS, SOL, Optional.empty(), Optional.empty()))
                .isEqualTo(FEE_LAMPORTS);
    }

    @Test
    void shouldBeZeroWhenAReferencePriceIsMissing() {
        assertThat(NetworkFee.perLegInOutput(FEE_LAMPORTS, USDC, Optional.empty(), Optional.of(BigDecimal.ONE)))
                .isZero();
    }
}
