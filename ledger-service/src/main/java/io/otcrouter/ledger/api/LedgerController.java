package io.otcrouter.ledger.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger query API: trades newest first (filtered), one trade with its legs, statistics and analytics. Who may
 * read it is decided in {@code SecurityConfig}.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final LedgerQueries queries;
    private final LedgerAnalytics analytics;

    LedgerController(LedgerQueries queries, LedgerAnalytics analytics) {
        this.queries = queries;
        this.analytics = analytics;
    }

    /**
     * Query parameters, all optional ({@link TradeQuery}): {@code page} (from 0), {@code size} (1-200, 50),
     * {@code route} and {@code status} (as the enums spell them), {@code pair} ("SOL/USDC", input/output as in the
     * events), {@code from} (decision time, inclusive) and {@code to} (exclusive) as ISO-8601 instants,
     * {@code submittedBy} ("api-key:&lt;id&gt;" or "dashboard-user:&lt;name&gt;"), {@code clientOrderId}. Anything else
     * is refused. Offset pages end at {@link TradeQuery#MAX_PAGE}; {@code /history} walks the whole ledger.
     */
    @GetMapping("/trades")
    TradePageView trades(HttpServletRequest request) {
        TradeQuery query = TradeQuery.parse(request.getParameterMap());
        return queries.page(query.filter(), query.page(), query.size());
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
