package io.otcrouter.ledger.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeRepository;

/**
 * The whole ledger for a desk: filtered pages in both directions and the CSV export of a filtered set, by keyset
 * (the decision time and row id of a page's last trade) rather than by offset, so a page deep in the ledger costs what
 * the first does and trades booked meanwhile neither repeat a trade nor skip one.
 *
 * <p>The keyset condition is written out rather than left to Spring Data's scrolling, because it must carry the index
 * bound {@code decided_at <= :at}: PostgreSQL cannot start an index scan from the row comparison spelled as an OR.
 * Not transactional: each chunk is its own short read, so an export holds no snapshot and no entities.
 */
@Service
class TradeHistory {

    /** Rows per database read while exporting. */
    static final int EXPORT_CHUNK = 500;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("id"));
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("decidedAt"), Sort.Order.asc("id"));

    private final TradeRepository trades;

    TradeHistory(TradeRepository trades) {
        this.trades = trades;
    }

    TradeHistoryView page(HistoryQuery query) {
        if (query.before() != null) {
            List<Trade> newer = fetch(query.filter().specification().and(newerThan(query.before())), OLDEST_FIRST,
                    query.size() + 1);
            if (newer.size() > query.size()) {
                List<Trade> shown = new ArrayList<>(newer.subList(0, query.size()));
                Collections.reverse(shown);
                return view(shown, query.size(), true, true);
            }
            // Back at the top: the newest page, full, rather than the few trades between it and the cursor.
            return page(new HistoryQuery(query.filter(), query.size(), null, null));
        }
        Specification<Trade> older = query.after() == null ? query.filter().specification()
                : query.filter().specification().and(olderThan(query.after()));
        List<Trade> rows = fetch(older, NEWEST_FIRST, query.size() + 1);
        boolean more = rows.size() > query.size();
        List<Trade> shown = more ? rows.subList(0, query.size()) : rows;
        if (shown.isEmpty() && query.after() != null) {
            return new TradeHistoryView(List.of(), query.size(), null, query.after().token());
        }
        return view(shown, query.size(), more, query.after() != null);
    }

    /** Writes every trade of the filter, newest first, as CSV; reads {@link #EXPORT_CHUNK} rows at a time. */
    void export(TradeFilter filter, OutputStream out) throws IOException {
        try (TradeCsv csv = TradeCsv.open(out)) {
            Specification<Trade> next = filter.specification();
            List<Trade> chunk;
            do {
                chunk = fetch(next, NEWEST_FIRST, EXPORT_CHUNK);
                for (Trade trade : chunk) {
                    csv.write(TradeView.of(trade));
                }
                csv.flush();
                if (!chunk.isEmpty()) {
                    next = filter.specification().and(olderThan(HistoryCursor.of(chunk.get(chunk.size() - 1))));
                }
            } while (chunk.size() == EXPORT_CHUNK);
        }
    }

    private List<Trade> fetch(Specification<Trade> specification, Sort sort, int limit) {
        return trades.findBy(specification, query -> query.sortBy(sort).limit(limit).all());
    }

    private static TradeHistoryView view(List<Trade> shown, int size, boolean older, boolean newer) {
        String next = older ? HistoryCursor.of(shown.get(shown.size() - 1)).token() : null;
        String previous = newer && !shown.isEmpty() ? HistoryCursor.of(shown.get(0)).token() : null;
        return new TradeHistoryView(shown.stream().map(TradeView::of).toList(), size, next, previous);
    }

    /** Strictly after the cursor in newest-first order: {@code (decided_at, id) < (at, id)}, with its index bound. */
    static Specification<Trade> olderThan(HistoryCursor cursor) {
        return (root, query, cb) -> cb.and(cb.lessThanOrEqualTo(root.get("decidedAt"), cursor.decidedAt()),
                cb.or(cb.lessThan(root.get("decidedAt"), cursor.decidedAt()),
                        cb.lessThan(root.get("id"), cursor.id())));
    }

    /** Strictly before the cursor in newest-first order: {@code (decided_at, id) > (at, id)}, with its index bound. */
    static Specification<Trade> newerThan(HistoryCursor cursor) {
        return (root, query, cb) -> cb.and(cb.greaterThanOrEqualTo(root.get("decidedAt"), cursor.decidedAt()),
                cb.or(cb.greaterThan(root.get("decidedAt"), cursor.decidedAt()),
                        cb.greaterThan(root.get("id"), cursor.id())));
    }
}
