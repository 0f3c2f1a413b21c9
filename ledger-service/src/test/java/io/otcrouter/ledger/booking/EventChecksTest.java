package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.ledger.LedgerFixtures;

class EventChecksTest {

    private static final String TRADE = "trade-checks";
    private static final Instant DECIDED = Instant.parse("2026-11-24T10:00:00Z");
    private static final RouteDecided SPLIT = LedgerFixtures.splitDecision(TRADE, DECIDED);
    private static final LegExecuted FILL = LedgerFixtures.splitOtcFill(TRADE, DECIDED.plusSeconds(1));

    @Test
    void shouldFindNothingWrongWithTheFixturesDecisionsAndFills() {
        assertThat(EventChecks.problem(SPLIT)).isEmpty();
        assertThat(EventChecks.problem(LedgerFixtures.otcDecision(TRADE))).isEmpty();
        assertThat(EventChecks.problem(RouteDecided.newBuilder(SPLIT).setRoute(Route.REJECTED).setLegs(List.of())
                .build())).isEmpty();
        assertThat(EventChecks.problem(FILL)).isEmpty();
    }

    @Test
    void shouldRefuseADecisionThatSellsNothing() {
        assertThat(EventChecks.problem(RouteDecided.newBuilder(SPLIT).setAmountIn(BigDecimal.ZERO).build()))
                .hasValueSatisfying(why -> assertThat(why).contains(TRADE, "amountIn must be positive"));
    }

    @Test
    void shouldRefuseADecisionWithAZeroUsdPriceTheSettlementWouldDivideBy() {
        assertThat(EventChecks.problem(RouteDecided.newBuilder(SPLIT).setOutputPriceUsd(BigDecimal.ZERO).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("USD price"));
    }

    @Test
    void shouldRefuseADecisionWithANegativeExpectedOrBaselineAmount() {
        assertThat(EventChecks.problem(RouteDecided.newBuilder(SPLIT).setExpectedOutAmount(BigDecimal.ONE.negate())
                .build())).isPresent();
        assertThat(EventChecks.problem(RouteDecided.newBuilder(SPLIT).setDexBaselineOutAmount(
                BigDecimal.ONE.negate()).build())).isPresent();
    }

    @Test
    void shouldRefuseADecisionWhoseTwoLegsShareAnIdSoOneCouldNeverBeBooked() {
        RouteDecided twins = RouteDecided.newBuilder(SPLIT).setLegs(List.of(SPLIT.getLegs().get(0),
                SPLIT.getLegs().get(0))).build();

        assertThat(EventChecks.problem(twins)).hasValueSatisfying(why -> assertThat(why).contains("repeated leg id"));
    }

    @Test
    void shouldRefuseAnExecutionWithANegativeAmountOrWithoutALegId() {
        assertThat(EventChecks.problem(LegExecuted.newBuilder(FILL).setOutAmount(BigDecimal.ONE.negate()).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("negative amount"));
        assertThat(EventChecks.problem(LegExecuted.newBuilder(FILL).setLegId("").build())).isPresent();
    }
}
