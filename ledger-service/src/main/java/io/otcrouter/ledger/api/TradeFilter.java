package io.otcrouter.ledger.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.jpa.domain.Specification;

import io.otcrouter.events.Route;
import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeState;
import jakarta.persistence.criteria.Predicate;

/**
 * Filters of the trade list and the trade history; null means "any". The time range is on the decision time, from
 * inclusive, to exclusive. Every filter matches exactly: {@link #parse} has checked how each is spelled.
 */
record TradeFilter(Route route, String pair, TradeState status, Instant from, Instant to, String submittedBy,
        String clientOrderId) {

    static final Set<String> PARAMETERS = Set.of("route", "pair", "status", "from", "to", "submittedBy",
            "clientOrderId");

    private static final Pattern PAIR = Pattern.compile("[A-Za-z0-9]{1,16}/[A-Za-z0-9]{1,16}");
    /** As the router writes it: its API key ids, or the names of the dashboard's users. */
    private static final Pattern SUBMITTED_BY = Pattern.compile(
            "api-key:[A-Za-z0-9][A-Za-z0-9._-]{0,63}|dashboard-user:[A-Za-z0-9._@-]{1,64}");
    /** As the router accepts it. */
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @throws InvalidQueryException naming the first filter that is badly spelled */
    static TradeFilter parse(QueryParameters parameters) {
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from", "from must be before to, got from=" + from + " to=" + to);
        }
        return new TradeFilter(
                parameters.constant("route", Route.values()),
                parameters.matching("pair", PAIR, "INPUT/OUTPUT as the tokens are spelled, such as SOL/USDC"),
                parameters.constant("status", TradeState.values()),
                from, to,
                parameters.matching("submittedBy", SUBMITTED_BY, "api-key:<key id> or dashboard-user:<name>"),
                parameters.matching("clientOrderId", CLIENT_ORDER_ID, "1 to 64 characters of A-Z a-z 0-9 . _ -"));
    }

    Specification<Trade> specification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (route != null) {
                predicates.add(cb.equal(root.get("route"), route));
            }
            if (pair != null) {
                predicates.add(cb.equal(root.get("pair"), pair));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("decidedAt"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("decidedAt"), to));
            }
            if (submittedBy != null) {
                predicates.add(cb.equal(root.get("submittedBy"), submittedBy));
            }
            if (clientOrderId != null) {
                predicates.add(cb.equal(root.get("clientOrderId"), clientOrderId));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
