package io.otcrouter.ledger.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The ledger query API: trades newest first (filtered), one trade with its legs, statistics and analytics. Who may
 * read it is decided in {@code SecurityConfig}.
 */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "Ledger")
@SecurityRequirement(name = ApiDocs.API_KEY, scopes = "read")
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
    @Operation(summary = "List trades, newest first", description = "Filtered and paged; an unknown or repeated "
            + "parameter is refused")
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "From 0, at most 10000",
            schema = @Schema(type = "integer", defaultValue = "0"))
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "1 to 200",
            schema = @Schema(type = "integer", defaultValue = "50"))
    @Parameter(in = ParameterIn.QUERY, name = "route", schema = @Schema(allowableValues = {"DEX", "OTC", "SPLIT",
            "REJECTED"}))
    @Parameter(in = ParameterIn.QUERY, name = "status", schema = @Schema(allowableValues = {"PENDING", "FILLED",
            "PARTIALLY_FILLED", "FAILED"}))
    @Parameter(in = ParameterIn.QUERY, name = "pair", description = "input/output", example = "SOL/USDC")
    @Parameter(in = ParameterIn.QUERY, name = "from", description = "Decided at or after (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "to", description = "Decided before (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "submittedBy", description = "api-key:<key id> or "
            + "dashboard-user:<name>", example = "dashboard-user:alice")
    @Parameter(in = ParameterIn.QUERY, name = "clientOrderId", description = "The client's order id, exact match")
    @ApiResponse(responseCode = "200", description = "One page of trades")
    @ApiResponse(responseCode = "400", description = "Invalid or unknown query parameter (named in parameter)")
    TradePageView trades(HttpServletRequest request) {
        TradeQuery query = TradeQuery.parse(request.getParameterMap());
        return queries.page(query.filter(), query.page(), query.size());
    }

    @GetMapping("/trades/{tradeId}")
    @Operation(summary = "Show one trade with its legs")
    @ApiResponse(responseCode = "200", description = "The trade and its legs")
    @ApiResponse(responseCode = "404", description = "No such trade")
    TradeDetailView trade(@Parameter(example = "0b8f5a2e-4c1d-4f7a-9a57-3f2d1c6e8b90") @PathVariable String tradeId) {
        return queries.trade(tradeId);
    }

    @GetMapping("/stats")
    @Operation(summary = "Statistics over settled trades", description = "Counts by status, volume, savings, "
            + "slippage, OTC share, by route and for today (UTC)")
    LedgerStatsView stats() {
        return analytics.stats();
    }

    @GetMapping("/analytics")
    @Operation(summary = "Analytics for the dashboard's charts")
    LedgerAnalyticsView analytics() {
        return analytics.analytics();
    }
}
