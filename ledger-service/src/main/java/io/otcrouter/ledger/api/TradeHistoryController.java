package io.otcrouter.ledger.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trade history: every trade of the ledger, filtered, a page at a time in either direction, and the whole filtered
 * set as CSV. Who may read it is decided in {@code SecurityConfig} (scope read, like the rest of the ledger API).
 */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "Trade history")
@SecurityRequirement(name = ApiDocs.API_KEY, scopes = "read")
class TradeHistoryController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final TradeHistory history;

    TradeHistoryController(TradeHistory history) {
        this.history = history;
    }

    /**
     * Query parameters, all optional ({@link HistoryQuery}): the filters {@code route}, {@code status}, {@code pair},
     * {@code from}, {@code to}, {@code submittedBy} and {@code clientOrderId} (as for {@code /trades}), {@code size}
     * (1-500, 50), and {@code after} or {@code before}: the {@code next} or {@code previous} cursor of a page.
     */
    @GetMapping("/history")
    @Operation(summary = "Page through the whole ledger, newest first", description = "Keyset pages: pass a page's "
            + "next cursor as after for the older page, its previous cursor as before for the newer one; trades "
            + "booked meanwhile never repeat or skip a row")
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "1 to 500",
            schema = @Schema(type = "integer", defaultValue = "50"))
    @Parameter(in = ParameterIn.QUERY, name = "after", description = "The next cursor of the page before")
    @Parameter(in = ParameterIn.QUERY, name = "before", description = "The previous cursor of the page after")
    @Parameter(in = ParameterIn.QUERY, name = "route", schema = @Schema(allowableValues = {"DEX", "OTC", "SPLIT",
            "REJECTED"}))
    @Parameter(in = ParameterIn.QUERY, name = "status", schema = @Schema(allowableValues = {"PENDING", "FILLED",
            "PARTIALLY_FILLED", "FAILED"}))
    @Parameter(in = ParameterIn.QUERY, name = "pair", description = "input/output", example = "SOL/USDC")
    @Parameter(in = ParameterIn.QUERY, name = "from", description = "Decided at or after (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "to", description = "Decided before (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "submittedBy", description = "api-key:<key id> or dashboard-user:<name>",
            example = "dashboard-user:alice")
    @Parameter(in = ParameterIn.QUERY, name = "clientOrderId", description = "The client's order id, exact match")
    @ApiResponse(responseCode = "200", description = "One page of trades with its cursors")
    @ApiResponse(responseCode = "400", description = "Invalid or unknown parameter or cursor (named in parameter)")
    TradeHistoryView page(HttpServletRequest request) {
        return history.page(HistoryQuery.parse(request.getParameterMap()));
    }

    /**
     * Every trade matching the filters (the same as {@code /history}, without size or cursor), newest first, as CSV,
     * streamed as it is read: a bad filter is refused before the first byte.
     */
    @GetMapping("/history.csv")
    @Operation(summary = "Export every trade matching the filters as CSV", description = "Streamed, with a header "
            + "row; amounts as exact atomic units and as decimal strings")
    @Parameter(in = ParameterIn.QUERY, name = "route", schema = @Schema(allowableValues = {"DEX", "OTC", "SPLIT",
            "REJECTED"}))
    @Parameter(in = ParameterIn.QUERY, name = "status", schema = @Schema(allowableValues = {"PENDING", "FILLED",
            "PARTIALLY_FILLED", "FAILED"}))
    @Parameter(in = ParameterIn.QUERY, name = "pair", description = "input/output", example = "SOL/USDC")
    @Parameter(in = ParameterIn.QUERY, name = "from", description = "Decided at or after (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "to", description = "Decided before (ISO-8601 instant)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.QUERY, name = "submittedBy", description = "api-key:<key id> or dashboard-user:<name>",
            example = "dashboard-user:alice")
    @Parameter(in = ParameterIn.QUERY, name = "clientOrderId", description = "The client's order id, exact match")
    @ApiResponse(responseCode = "200", description = "The CSV attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid or unknown query parameter (named in parameter)")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TradeFilter filter = HistoryQuery.parseExport(request.getParameterMap());
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("trades.csv").build().toString());
        history.export(filter, response.getOutputStream());
    }
}
