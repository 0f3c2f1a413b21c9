package io.otcrouter.price.coingecko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourcePrice;

class CoinGeckoSimplePriceParserTest {

    private static final Instant FETCHED_AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final List<Token> TOKENS = TokenCatalog.defaults().all();

    @Test
    void shouldKeepEveryDigitOfPricesAndChangesBeyondWhatADoubleHolds() {
        String body = """
                {"bonk": {"usd": 0.000023456789, "usd_24h_change": -1.23456789012345678, "last_updated_at": 1711356300},
                 "solana": {"usd": 187.1234567890123456789}}
                """;

        Map<String, SourcePrice> prices = CoinGeckoSimplePriceParser.parse(body, TOKENS, FETCHED_AT);
        SourcePrice bonk = prices.get("BONK");

        assertThat(bonk.priceUsd()).isEqualTo(new BigDecimal("0.000023456789"));
        assertThat(bonk.change24hPct()).isEqualTo(new BigDecimal("-1.23456789012345678"));
        assertThat(bonk.observedAt()).isEqualTo(Instant.ofEpochSecond(1711356300));
        assertThat(prices.get("SOL").priceUsd()).isEqualTo(new BigDecimal("187.1234567890123456789"));
    }

    @Test
    void shouldReadPricesWrittenWithAnExponent() {
        String body = """
                {"bonk": {"usd": 2.3456789e-05}, "solana": {"usd": 150}}
                """;

        Map<String, SourcePrice> prices = CoinGeckoSimplePriceParser.parse(body, TOKENS, FETCHED_AT);

        assertThat(prices.get("BONK").priceUsd()).isEqualByComparingTo("0.000023456789");
        assertThat(prices.get("SOL").priceUsd()).isEqualByComparingTo("150");
    }

    @Test
    void shouldAcceptAMissingChangeAndTimeAndSkipTokensWithoutAPrice() {
        String body = """
                {"solana": {"usd": 187.5, "usd_24h_change": null}, "tether": {}, "usd-coin": {"usd": null}}
                """;

        Map<String, SourcePrice> prices = CoinGeckoSimplePriceParser.parse(body, TOKENS, FETCHED_AT);

        assertThat(prices).containsOnlyKeys("SOL");
        assertThat(prices.get("SOL").change24hPct()).isNull();
        assertThat(prices.get("SOL").observedAt()).isEqualTo(FETCHED_AT);
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        assertThatThrownBy(() -> CoinGeckoSimplePriceParser.parse("<html>502 Bad Gateway", TOKENS, FETCHED_AT))
                .isInstanceOf(PriceSourceUnavailableException.class);
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> CoinGeckoSimplePriceParser.parse("[1, 2]", TOKENS, FETCHED_AT))
                .isInstanceOf(PriceSourceUnavailableException.class);
    }
}
