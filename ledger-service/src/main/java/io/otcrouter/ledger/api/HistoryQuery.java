package io.otcrouter.ledger.api;

import java.util.Map;
import java.util.Set;

/**
 * The query string of {@code GET /api/ledger/history}, read strictly ({@link QueryParameters}): the filters of
 * {@link TradeFilter}, a page size and at most one cursor — {@code after} (the page older than it) or {@code before}
 * (the page newer than it); neither is the newest page. Plain Java.
 */
record HistoryQuery(TradeFilter filter, int size, HistoryCursor after, HistoryCursor before) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    static final Set<String> PARAMETERS = TradeQuery.with(TradeFilter.PARAMETERS, "size", "after", "before");

    /** @throws InvalidQueryException naming the first parameter that is unknown, repeated or badly spelled */
    static HistoryQuery parse(Map<String, String[]> query) {
        QueryParameters parameters = QueryParameters.of(query, PARAMETERS);
        int size = parameters.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        String after = parameters.text("after");
        String before = parameters.text("before");
        if (after != null && before != null) {
            throw new InvalidQueryException("before", "before and after cannot both be given: one page at a time");
        }
        return new HistoryQuery(TradeFilter.parse(parameters), size,
                after == null ? null : HistoryCursor.parse("after", after),
                before == null ? null : HistoryCursor.parse("before", before));
    }

    /** The filters alone, for the CSV export of the whole filtered set (no page, no cursor). */
    static TradeFilter parseExport(Map<String, String[]> query) {
        return TradeFilter.parse(QueryParameters.of(query, TradeFilter.PARAMETERS));
    }
}
