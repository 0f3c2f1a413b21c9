package io.otcrouter.router.trades;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteCandidate;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.router.routing.Candidate;
import io.otcrouter.router.routing.Decision;
import io.otcrouter.router.routing.Leg;
import io.otcrouter.router.routing.TradeIntent;

/**
 * Writes a decision as the contract's RouteDecided, with the arrival reference prices of both tokens and who
 * submitted the trade.
 */
@Component
class RouteDecidedFactory {

    private final ReferencePrices prices;

    RouteDecidedFactory(ReferencePrices prices) {
        this.prices = prices;
    }

    RouteDecided create(String tradeId, String requestId, TradeIntent intent, Decision decision, Submitter submitter,
            Instant now) {
        var dex = decision.dexQuote();
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                .setTradeId(tradeId).setRequestId(requestId).setClientOrderId(intent.clientOrderId())
                .setPair(intent.pair())
                .setInputSymbol(intent.input().symbol()).setInputMint(intent.input().mint())
                .setInputDecimals(intent.input().decimals())
                .setOutputSymbol(intent.output().symbol()).setOutputMint(intent.output().mint())
                .setOutputDecimals(intent.output().decimals())
                .setAmountIn(EventDecimals.atomic(intent.amountIn())).setSlippageBps(intent.slippageBps())
                .setRoute(decision.route())
                .setLegs(decision.legs().stream().map(RouteDecidedFactory::leg).toList())
                .setCandidates(decision.candidates().stream().map(RouteDecidedFactory::candidate).toList())
                .setNetworkFeePerLegOutAmount(atomicOrNull(decision.networkFeePerLeg()))
                .setExpectedOutAmount(EventDecimals.atomic(decision.expectedOut()))
                .setDexBaselineOutAmount(atomicOrNull(decision.dexBaseline()))
                .setExpectedSavingOutAmount(atomicOrNull(decision.expectedSaving()))
                .setJupiterPriceImpactPct(dex == null ? null : dex.getPriceImpactPct())
                .setDexQuoteSource(dex == null ? null : dex.getSource())
                .setInputPriceUsd(prices.usdPrice(intent.input().mint()).map(EventDecimals::price).orElse(null))
                .setOutputPriceUsd(prices.usdPrice(intent.output().mint()).map(EventDecimals::price).orElse(null))
                .setReason(decision.reason())
                .setExpectedSavingUsd(savingUsd(intent, decision))
                .setOriginalRuleRoute(decision.originalRule())
                .setSubmittedBy(submitter.label())
                .build();
    }

    private java.math.BigDecimal savingUsd(TradeIntent intent, Decision decision) {
        if (decision.expectedSaving() == null) {
            return null;
        }
        return prices.usdPrice(intent.output().mint())
                .map(usd -> EventDecimals.usd(intent.output().toUnits(decision.expectedSaving()).multiply(usd)))
                .orElse(null);
    }

    private static RouteLeg leg(Leg leg) {
        return RouteLeg.newBuilder().setLegId(leg.legId()).setVenue(leg.venue()).setPoolId(leg.poolId())
                .setQuoteId(leg.quoteId()).setInAmount(EventDecimals.atomic(leg.in()))
                .setExpectedOutAmount(EventDecimals.atomic(leg.expectedOut()))
                .setMinOutAmount(EventDecimals.atomic(leg.minOut())).build();
    }

    private static RouteCandidate candidate(Candidate candidate) {
        return RouteCandidate.newBuilder().setLabel(candidate.label()).setRoute(candidate.route())
                .setAvailable(candidate.available()).setOutAmount(atomicOrNull(candidate.out()))
                .setNetOutAmount(atomicOrNull(candidate.netOut())).setReason(candidate.reason()).build();
    }

    private static java.math.BigDecimal atomicOrNull(BigInteger amount) {
        return amount == null ? null : EventDecimals.atomic(amount);
    }
}
