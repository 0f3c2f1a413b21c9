package io.otcrouter.router.tracking;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.router.routing.Decision;
import io.otcrouter.router.routing.TradeIntent;

/**
 * The JSON answer of the trade and quote endpoints, and the summary stored for each decided trade. Amounts are
 * decimal strings in token units; the atomic amounts are what the events carry. {@code status} is INDICATIVE
 * (a quote), DECIDED (published, not yet settled) or SETTLED (then {@code settlement} holds the realized result).
 * {@code originalRuleRoute} is what the original project's rule would have chosen, the baseline the router beats.
 * {@code submittedBy} is who submitted the trade ({@code api-key:<key id>} or {@code dashboard-user:<name>}; null
 * for a quote and for trades decided before it was recorded).
 */
public record TradeView(String tradeId, String status, String clientOrderId, String submittedBy, String inputToken,
        String outputToken, String amount, String route, String expectedOutput, String dexBaselineOutput,
        String expectedSaving, String dexQuoteSource, List<LegView> legs, List<CandidateView> candidates,
        String reason, String expectedSavingUsd, String originalRuleRoute,
        @JsonInclude(JsonInclude.Include.NON_NULL) SettlementView settlement,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExecutionView> executions) {

    public static final String DECIDED = "DECIDED";
    public static final String SETTLED = "SETTLED";

    public record LegView(String legId, String venue, String poolId, String amountIn, String expectedOutput,
            String minOutput) {
    }

    /** {@code netOutput}: after the cost model (fees, each leg's network fee); what candidates are compared on. */
    public record CandidateView(String label, String route, boolean available, String output, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String netOutput) {
    }

    /**
     * The ledger's settlement: {@code status} FILLED, PARTIALLY_FILLED or FAILED. {@code revision} is 1 for the first
     * settlement and one more for each correction (a leg booked after the trade settled provisionally): the latest
     * revision received is shown.
     */
    public record SettlementView(String status, String filledInput, String realizedOutput, String savingVsDex,
            String executionPrice, Instant settledAt, int revision) {
    }

    /** One leg as the venue reported it. */
    public record ExecutionView(String legId, String venue, String poolId, String status, String reason,
            String amountIn, String output, Instant executedAt) {
    }

    public static TradeView of(RouteDecided event, Token input, Token output) {
        return new TradeView(event.getTradeId(), DECIDED, event.getClientOrderId(), event.getSubmittedBy(),
                input.symbol(), output.symbol(), units(input, event.getAmountIn().toBigIntegerExact()),
                event.getRoute().name(),
                units(output, EventDecimals.toAtomic(event.getExpectedOutAmount())),
                event.getDexBaselineOutAmount() == null ? null
                        : units(output, EventDecimals.toAtomic(event.getDexBaselineOutAmount())),
                event.getExpectedSavingOutAmount() == null ? null
                        : units(output, EventDecimals.toAtomic(event.getExpectedSavingOutAmount())),
                event.getDexQuoteSource() == null ? null : event.getDexQuoteSource().name(),
                event.getLegs().stream().map(leg -> new LegView(leg.getLegId(), leg.getVenue().name(), leg.getPoolId(),
                        units(input, EventDecimals.toAtomic(leg.getInAmount())),
                        units(output, EventDecimals.toAtomic(leg.getExpectedOutAmount())),
                        units(output, EventDecimals.toAtomic(leg.getMinOutAmount())))).toList(),
                event.getCandidates().stream().map(c -> new CandidateView(c.getLabel(), c.getRoute().name(),
                        c.getAvailable(), c.getOutAmount() == null ? null
                                : units(output, EventDecimals.toAtomic(c.getOutAmount())),
                        c.getReason(), c.getNetOutAmount() == null ? null
                                : units(output, EventDecimals.toAtomic(c.getNetOutAmount())))).toList(),
                event.getReason(),
                event.getExpectedSavingUsd() == null ? null : event.getExpectedSavingUsd().toPlainString(),
                event.getOriginalRuleRoute() == null ? null : event.getOriginalRuleRoute().name(), null, List.of());
    }

    public static TradeView indicative(TradeIntent intent, Decision decision) {
        Token input = intent.input();
        Token output = intent.output();
        return new TradeView(null, "INDICATIVE", intent.clientOrderId(), null, input.symbol(), output.symbol(),
                units(input, intent.amountIn()), decision.route().name(), units(output, decision.expectedOut()),
                decision.dexBaseline() == null ? null : units(output, decision.dexBaseline()),
                decision.expectedSaving() == null ? null : units(output, decision.expectedSaving()),
                decision.dexQuote() == null ? null : decision.dexQuote().getSource().name(),
                decision.legs().stream().map(leg -> new LegView(null, leg.venue().name(), leg.poolId(),
                        units(input, leg.in()), units(output, leg.expectedOut()), units(output, leg.minOut())))
                        .toList(),
                decision.candidates().stream().map(c -> new CandidateView(c.label(), c.route().name(), c.available(),
                        c.out() == null ? null : units(output, c.out()), c.reason(),
                        c.netOut() == null ? null : units(output, c.netOut()))).toList(),
                decision.reason(), null,
                decision.originalRule() == null ? null : decision.originalRule().name(), null, List.of());
    }

    /** This view as the trade stands now. */
    TradeView withProgress(String currentStatus, SettlementView currentSettlement, List<ExecutionView> legsSoFar) {
        return new TradeView(tradeId, currentStatus, clientOrderId, submittedBy, inputToken, outputToken, amount,
                route, expectedOutput, dexBaselineOutput, expectedSaving, dexQuoteSource, legs, candidates, reason,
                expectedSavingUsd, originalRuleRoute, currentSettlement, legsSoFar);
    }

    public boolean settled() {
        return SETTLED.equals(status);
    }

    static String units(Token token, BigInteger atomic) {
        return token.toUnits(atomic).toPlainString();
    }
}
