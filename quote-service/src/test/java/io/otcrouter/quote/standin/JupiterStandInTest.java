package io.otcrouter.quote.standin;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.dex.DexQuote;
import io.otcrouter.quote.dex.DexQuoteRequest;
import io.otcrouter.quote.dex.JupiterClient;
import io.otcrouter.quote.dex.JupiterMode;
import io.otcrouter.quote.dex.JupiterProperties;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's Jupiter stand-in, asked by the service's own Jupiter client, which checks every answer. */
class JupiterStandInTest {

    private static final BigInteger TENTH_OF_A_SOL = SOL.toAtomic(new BigDecimal("0.1"));
    private static final BigInteger TENTH_OUT = new BigInteger("16198753");
    private static final String UNKNOWN_MINT = "UnknownMint1111111111111111111111111111111";

    private JupiterStandIn standIn;

    private JupiterClient client(int rateLimit) {
        standIn = new JupiterStandIn(0, 0, new BigDecimal("20000000"), rateLimit);
        standIn.start();
        JupiterProperties properties = new JupiterProperties(standIn.baseUrl() + "/swap/v1", null, JupiterMode.LIVE,
                Duration.ofSeconds(3), Duration.ofSeconds(3));
        return JupiterClient.create(RestClient.builder(), JsonMapper.builder().build(), properties);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void shouldServeJupitersDocumentedQuoteForItsOwnRequest() {
        DexQuote quote = client(0).quote(new DexQuoteRequest(SOL.mint(), USDC.mint(), TENTH_OF_A_SOL, 50));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quote.source()).isEqualTo(QuoteSource.LIVE);
        assertThat(quote.outAmount()).isEqualTo(TENTH_OUT);
        assertThat(quote.otherAmountThreshold()).isEqualTo(new BigInteger("16117760"));
        assertThat(quote.routeLabels()).containsExactly("Meteora DLMM");
    }

    @Test
    void shouldQuoteAnySizeAtTheDocumentedRateLessAnImpactThatGrowsWithTheSize() {
        JupiterClient client = client(0);
        List<BigDecimal> sols = List.of(new BigDecimal("1"), new BigDecimal("100"), new BigDecimal("5000"));

        List<DexQuote> quotes = sols.stream()
                .map(sol -> client.quote(new DexQuoteRequest(SOL.mint(), USDC.mint(), SOL.toAtomic(sol), 100)))
                .toList();

        assertThat(quotes).allSatisfy(quote -> {
            assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quote.routeLabels()).containsExactly(ConstantProductJupiter.ROUTE_LABEL);
            // Jupiter's own minimum for 100 bps of slippage
            assertThat(quote.otherAmountThreshold()).isEqualTo(quote.outAmount().multiply(BigInteger.valueOf(9_900))
                    .divide(BigInteger.valueOf(10_000)));
        });
        // USDC per SOL falls with the size, from the documented rate down
        List<BigDecimal> rates = IntStream.range(0, sols.size()).mapToObj(i -> USDC.toUnits(quotes.get(i).outAmount())
                .divide(sols.get(i), 6, java.math.RoundingMode.DOWN)).toList();
        assertThat(rates).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(rates.get(0)).isBetween(new BigDecimal("161.98"), new BigDecimal("161.99"));
        // 5,000 SOL is about 4 % of a 20 M USD side: about 4 % less per SOL
        assertThat(rates.get(2)).isBetween(new BigDecimal("154"), new BigDecimal("157"));
        assertThat(quotes.get(2).priceImpactPct()).isBetween(new BigDecimal("0.03"), new BigDecimal("0.045"));
    }

    @Test
    void shouldQuoteTheOtherDirectionAtTheInverseRate() {
        DexQuote quote = client(0).quote(new DexQuoteRequest(USDC.mint(), SOL.mint(),
                USDC.toAtomic(new BigDecimal("1619.8753")), 50));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(SOL.toUnits(quote.outAmount())).isBetween(new BigDecimal("9.99"), new BigDecimal("10"));
    }

    @Test
    void shouldAnswerJupitersNoRouteForAMintItDoesNotKnow() {
        DexQuote quote = client(0).quote(new DexQuoteRequest(SOL.mint(), UNKNOWN_MINT, TENTH_OF_A_SOL, 50));

        assertThat(quote.status()).isEqualTo(JupiterQuoteStatus.NO_ROUTE);
    }

    @Test
    void shouldRefuseWithJupitersOwn429BeyondItsRateLimit() {
        JupiterClient client = client(1);

        List<DexQuote> quotes = IntStream.range(0, 3).mapToObj(i -> client.quote(
                new DexQuoteRequest(SOL.mint(), USDC.mint(), TENTH_OF_A_SOL, 50))).toList();

        assertThat(standIn.refused()).isPositive();
        assertThat(standIn.served() + standIn.refused()).isEqualTo(3);
        assertThat(quotes).filteredOn(quote -> quote.status() == JupiterQuoteStatus.UNAVAILABLE)
                .hasSize((int) standIn.refused())
                .allSatisfy(quote -> assertThat(quote.reason()).contains("429"));
    }
}
