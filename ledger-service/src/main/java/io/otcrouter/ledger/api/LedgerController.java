package io.otcrouter.ledger.api;

import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.events.Route;
import io.otcrouter.ledger.booking.TradeState;

/** The ledger query API: trades newest first (filtered), one trade with its legs, statistics and analytics. */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    static final int MAX_PAGE_SIZE = 200;

    private final LedgerQueries queries;
    private final LedgerAnalytics analytics;

    LedgerController(LedgerQueries queries, LedgerAnalytics analytics) {
        this.queries = queries;
        this.analytics = analytics;
    }

    /**
     * @param pair "SOL/USDC" (input/output, as in the events)
     * @param from decision time, inclusive (ISO-8601 instant)
     * @param to   decision time, exclusive
     */
    @GetMapping("/trades")
    TradePageView trades(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) Route route, @RequestParam(required = false) String pair,
            @RequestParam(required = false) TradeState status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidPageRequestException(
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ", got page=" + page + " size=" + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidPageRequestException("from must be before to, got from=" + from + " to=" + to);
        }
        return queries.page(new TradeFilter(route, pair, status, from, to), page, size);
    }

    @GetMapping("/trades/{tradeId}")
    TradeDetailView trade(@PathVariable String tradeId) {
        return queries.trade(tradeId);
    }

    @GetMapping("/stats")
    LedgerStatsView stats() {
        return analytics.stats();
    }

    @GetMapping("/analytics")
    LedgerAnalyticsView analytics() {
        return analytics.analytics();
    }
}
