package io.otcrouter.router.api;

import java.math.BigInteger;
import java.util.List;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.router.routing.Decision;
import io.otcrouter.router.routing.TradeIntent;

/**
 * The JSON answer of the trade and quote endpoints. Amounts are decimal strings in token units; the atomic
 * amounts are what the events carry.
 */
record DecisionView(String tradeId, String status, String clientOrderId, String inputToken, String outputToken,
        String amount, String route, String expectedOutput, String dexBaselineOutput, String expectedSaving,
        String dexQuoteSource, List<LegView> legs, List<CandidateView> candidates, String reason) {

    record LegView(String legId, String venue, String poolId, String amountIn, String expectedOutput,
            String minOutput) {
    }

    record CandidateView(String label, String route, boolean available, String output, String reason) {
    }

    static DecisionView of(RouteDecided event, Token input, Token output) {
        return new DecisionView(event.getTradeId(), "DECIDED", event.getClientOrderId(), input.symbol(),
                output.symbol(), units(input, event.getAmountIn().toBigIntegerExact()), event.getRoute().name(),
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
                        c.getReason())).toList(),
                event.getReason());
    }

    static DecisionView indicative(TradeIntent intent, Decision decision) {
        Token input = intent.input();
        Token output = intent.output();
        return new DecisionView(null, "INDICATIVE", intent.clientOrderId(), input.symbol(), output.symbol(),
                units(input, intent.amountIn()), decision.route().name(), units(output, decision.expectedOut()),
                decision.dexBaseline() == null ? null : units(output, decision.dexBaseline()),
                decision.expectedSaving() == null ? null : units(output, decision.expectedSaving()),
                decision.dexQuote() == null ? null : decision.dexQuote().getSource().name(),
                decision.legs().stream().map(leg -> new LegView(null, leg.venue().name(), leg.poolId(),
                        units(input, leg.in()), units(output, leg.expectedOut()), units(output, leg.minOut())))
                        .toList(),
                decision.candidates().stream().map(c -> new CandidateView(c.label(), c.route().name(), c.available(),
                        c.out() == null ? null : units(output, c.out()), c.reason())).toList(),
                decision.reason());
    }

    private static String units(Token token, BigInteger atomic) {
        return token.toUnits(atomic).toPlainString();
    }
}
