package io.otcrouter.otcpool.execution;

import java.math.BigInteger;
import java.time.Instant;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.kafka.InvalidEventException;

/**
 * What this service needs of one OTC leg of a routing decision. Amounts atomic; {@code decidedAt} is the decision's
 * {@code occurredAt}, when the router accepted the leg's quote.
 */
record LegRequest(String tradeId, String legId, String poolId, String quoteId, String inputMint, String outputMint,
        String pair, BigInteger inAmount, BigInteger minOut, Instant decidedAt) {

    /**
     * @throws InvalidEventException when the leg breaks the contract (no trade or leg id, nothing to sell, a negative
     *         minimum): no retry can fix the decision, so it goes to the dead-letter topic instead of a fill
     */
    static LegRequest of(RouteDecided decision, RouteLeg leg) {
        LegRequest request = new LegRequest(decision.getTradeId(), leg.getLegId(), leg.getPoolId(), leg.getQuoteId(),
                decision.getInputMint(), decision.getOutputMint(), decision.getPair(),
                EventDecimals.toAtomic(leg.getInAmount()), EventDecimals.toAtomic(leg.getMinOutAmount()),
                decision.getOccurredAt());
        if (request.tradeId().isBlank() || request.legId().isBlank()) {
            throw new InvalidEventException("Decision " + decision.getEventId() + " has an OTC leg without a trade"
                    + " or leg id");
        }
        if (request.inAmount().signum() <= 0 || request.minOut().signum() < 0) {
            throw new InvalidEventException("Leg " + request.legId() + " of trade " + request.tradeId() + " sells "
                    + request.inAmount() + " for at least " + request.minOut() + ": amounts must be positive");
        }
        return request;
    }
}
