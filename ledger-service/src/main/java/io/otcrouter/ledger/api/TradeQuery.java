package io.otcrouter.ledger.api;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The query string of {@code GET /api/ledger/trades}, read strictly ({@link QueryParameters}): the filters of
 * {@link TradeFilter} and an offset page. Plain Java.
 *
 * @param page 0-based, at most {@link #MAX_PAGE}
 * @param size 1 to {@link #MAX_SIZE}
 */
record TradeQuery(TradeFilter filter, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /**
     * Deeper pages cost the database a scan of every row before them: narrow the time range, or walk the whole ledger
     * with {@code GET /api/ledger/history}, whose pages cost the same at any depth.
     */
    static final int MAX_PAGE = 10_000;
    static final Set<String> PARAMETERS = with(TradeFilter.PARAMETERS, "page", "size");

    /** @throws InvalidQueryException naming the first parameter that is unknown, repeated or badly spelled */
    static TradeQuery parse(Map<String, String[]> query) {
        QueryParameters parameters = QueryParameters.of(query, PARAMETERS);
        int page = parameters.number("page", 0, 0, MAX_PAGE);
        int size = parameters.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new TradeQuery(TradeFilter.parse(parameters), page, size);
    }

    static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
