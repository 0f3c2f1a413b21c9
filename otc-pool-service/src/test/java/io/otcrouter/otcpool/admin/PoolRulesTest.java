package io.otcrouter.otcpool.admin;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.otcpool.pricing.SizeTier;

class PoolRulesTest {

    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final TermsInput GOOD = new TermsInput(25, List.of(new TermsInput.TierInput("0", 0),
            new TermsInput.TierInput("2500", 5)), 0, "100", "5000", 10_000, 0, 250);

    private final PoolRules rules = new PoolRules(TOKENS, 1000);
    private final List<String> errors = new ArrayList<>();

    @Test
    void shouldTurnGoodTermsIntoAtomicUnits() {
        ValidTerms terms = rules.terms(GOOD, SOL, errors);

        assertThat(errors).isEmpty();
        assertThat(terms.minTradeBase()).isEqualTo(new BigInteger("100000000000"));
        assertThat(terms.sizeTiers()).containsExactly(new SizeTier(BigInteger.ZERO, 0),
                new SizeTier(new BigInteger("2500000000000"), 5));
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        TermsInput bad = new TermsInput(1001, List.of(new TermsInput.TierInput("10", 1),
                new TermsInput.TierInput("5", 1)), 900, "6000", "5000", 10, 300, 200);

        rules.terms(bad, SOL, errors);

        assertThat(errors).containsExactlyInAnyOrder(
                "spreadBps must be between 0 and 1000, was 1001",
                "priceOffsetBps must be between -500 and 500, was 900",
                "quoteTtlMs must be between 500 and 300000, was 10",
                "execDelayMinMs must not exceed execDelayMaxMs",
                "minTradeBase must not exceed maxTradeBase",
                "sizeTiers[1].minTradeBase must be above the previous tier's",
                "spreadBps plus the largest size tier must not exceed 1000");
    }

    @Test
    void shouldRefuseNegativeAmountsUnknownTokensAndExcessDecimals() {
        rules.amount(SOL, "-1", "baseInventory", errors);
        rules.token("DOGE", "quoteSymbol", errors);
        rules.amount(SOL, "0.0000000001", "minTradeBase", errors);
        rules.amount(SOL, "lots", "maxTradeBase", errors);

        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).isEqualTo("baseInventory must not be negative");
        assertThat(errors.get(1)).startsWith("quoteSymbol: unknown token 'DOGE'");
        assertThat(errors.get(2)).startsWith("minTradeBase: '0.0000000001' has more than")
                .endsWith("SOL has 9 decimals");
        assertThat(errors.get(3)).startsWith("maxTradeBase: 'lots' is not a plain decimal number");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1E+99999999", "-1e-99999999", "1e5", " 100", "100 ", "+100", ".5", "5.", "0x10",
            "1_000", "١٠٠", "Infinity", "NaN"})
    void shouldRefuseAnAmountThatIsNotAPlainDecimalWithoutEvaluatingIt(String amount) {
        BigInteger atomic = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> rules.signedAmount(SOL, amount, "baseDelta", errors));

        assertThat(atomic).isNull();
        assertThat(errors).singleElement().asString().startsWith("baseDelta: ");
    }

    @Test
    void shouldRefuseAnAmountOfAQuadrillionTokenUnitsOrMore() {
        BigInteger largest = rules.signedAmount(SOL, "999999999999999.999999999", "baseInventory", errors);
        rules.signedAmount(SOL, "1000000000000000", "quoteInventory", errors);
        rules.signedAmount(SOL, "1".repeat(200), "maxTradeBase", errors);

        assertThat(largest).isEqualTo(new BigInteger("999999999999999999999999"));
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).contains("15 digits before the point"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sol", "Sol", " SOL", "SOL ", "SOL\u0000", "SOL\n", "SO\u200bL"})
    void shouldMatchTokenSymbolsOnlyAsTheCatalogSpellsThem(String escaped) {
        String symbol = unescape(escaped);

        assertThat(rules.token(symbol, "baseSymbol", errors)).isEmpty();
        assertThat(rules.token("SOL", "quoteSymbol", errors)).contains(SOL);
        assertThat(errors).singleElement().asString().startsWith("baseSymbol");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bad Id!", "sol-usdc-2\u0000", "sol-usdc-2\t", "SOL-USDC-2", "s", "-sol-usdc"})
    void shouldRefuseAnIdThatCannotBeAUrlSegment(String escaped) {
        rules.id(unescape(escaped), errors);
        rules.id("sol-usdc-2", errors);

        assertThat(errors).singleElement().asString().startsWith("id ");
    }

    @Test
    void shouldRefuseAnIdTooLongToBeOneWithoutMatchingIt() {
        rules.id("a".repeat(10_000), errors);

        assertThat(errors).containsExactly("id is longer than 64 characters");
    }

    @Test
    void shouldRefuseMoreSizeTiersThanAPoolCanUse() {
        List<TermsInput.TierInput> many = IntStream.range(0, PoolRules.MAX_SIZE_TIERS + 1)
                .mapToObj(i -> new TermsInput.TierInput(String.valueOf(i), 0)).toList();

        rules.terms(new TermsInput(25, many, 0, "100", "5000", 10_000, 0, 250), SOL, errors);

        assertThat(errors).containsExactly("sizeTiers must have at most 16 entries, has 17");
    }

    /** {@code \u0000}, {@code \t}, {@code \n} in a test's source parameter to the characters they name. */
    private static String unescape(String escaped) {
        return escaped.replace("\\u0000", "\u0000").replace("\\u200b", "\u200b").replace("\\t", "\t")
                .replace("\\n", "\n");
    }
}
