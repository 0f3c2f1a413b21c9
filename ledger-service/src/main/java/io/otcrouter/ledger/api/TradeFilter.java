package io.otcrouter.ledger.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import io.otcrouter.events.Route;
import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeState;
import jakarta.persistence.criteria.Predicate;

/**
 * Filters of the trade list; null means "any". The time range is on the decision time, from inclusive, to exclusive.
 * Every filter matches exactly: {@link TradeQuery} has checked how each is spelled.
 */
record TradeFilter(Route route, String pair, TradeState status, Instant from, Instant to, String submittedBy) {

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
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
