package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;

/**
 * What a decoded event must hold for the ledger to book it. An event that breaks these can never be booked, however
 * often it is retried (the settlement would divide by a zero amount or price, or wait for a leg it can never tell
 * apart from another), so the listener sends it to the dead-letter topic at once instead of stopping its partition.
 * Everything else about an event is the router's or the venue's business and is booked as it comes.
 */
public final class EventChecks {

    private EventChecks() {
    }

    /** @return why the decision cannot be booked, or empty when it can */
    public static Optional<String> problem(RouteDecided decision) {
        String subject = "Decision " + decision.getEventId() + " of trade " + decision.getTradeId();
        if (decision.getEventId().isBlank() || decision.getTradeId().isBlank()) {
            return Optional.of("A decision without an event id or a trade id");
        }
        if (decision.getAmountIn().signum() <= 0) {
            return Optional.of(subject + " sells " + decision.getAmountIn() + ": amountIn must be positive");
        }
        if (decision.getExpectedOutAmount().signum() < 0 || negative(decision.getDexBaselineOutAmount())) {
            return Optional.of(subject + " expects a negative amount");
        }
        if (decision.getInputDecimals() < 0 || decision.getOutputDecimals() < 0) {
            return Optional.of(subject + " has negative token decimals");
        }
        if (notPositive(decision.getInputPriceUsd()) || notPositive(decision.getOutputPriceUsd())) {
            return Optional.of(subject + " has a USD price that is not positive");
        }
        Set<String> legIds = new HashSet<>();
        for (RouteLeg leg : decision.getLegs()) {
            if (leg.getLegId().isBlank() || !legIds.add(leg.getLegId())) {
                return Optional.of(subject + " has a blank or repeated leg id '" + leg.getLegId() + "'");
            }
        }
        return Optional.empty();
    }

    /** @return why the execution cannot be booked, or empty when it can */
    public static Optional<String> problem(LegExecuted execution) {
        if (execution.getEventId().isBlank() || execution.getTradeId().isBlank() || execution.getLegId().isBlank()) {
            return Optional.of("An execution without an event id, a trade id or a leg id");
        }
        if (execution.getInAmount().signum() < 0 || execution.getOutAmount().signum() < 0) {
            return Optional.of("Execution " + execution.getEventId() + " of leg " + execution.getLegId()
                    + " of trade " + execution.getTradeId() + " has a negative amount");
        }
        return Optional.empty();
    }

    private static boolean negative(BigDecimal amount) {
        return amount != null && amount.signum() < 0;
    }

    private static boolean notPositive(BigDecimal price) {
        return price != null && price.signum() <= 0;
    }
}
