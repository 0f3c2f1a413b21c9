package io.otcrouter.otcpool.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.otcpool.pricing.SizeTier;

class PoolRulesTest {

    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final Token SOL = TOKENS.bySymbol("SOL").orElseThrow();
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

        assertThat(errors).containsExactly("baseInventory must not be negative", "quoteSymbol: unknown token DOGE",
                "minTradeBase has more decimals than SOL (9)", "maxTradeBase is not a number: lots");
    }

    @Test
    void shouldRefuseAnIdThatCannotBeAUrlSegment() {
        rules.id("Bad Id!", errors);
        rules.id("sol-usdc-2", errors);

        assertThat(errors).hasSize(1);
    }
}
