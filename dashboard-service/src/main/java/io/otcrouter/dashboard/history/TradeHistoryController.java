package io.otcrouter.dashboard.history;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.dashboard.api.ApiAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trade history page's data: a page of the whole ledger ({@code GET /api/history}) and the CSV export of the
 * filtered set ({@code GET /api/history.csv}), forwarded to ledger-service with the dashboard's own key for a
 * signed-in viewer (who may is decided in {@code SecurityConfig}). The read model holds only a recent window; the
 * ledger holds every trade.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Trade history")
@SecurityRequirement(name = ApiAccess.SESSION, scopes = ApiAccess.VIEWER)
@SecurityRequirement(name = ApiAccess.BASIC, scopes = ApiAccess.VIEWER)
class TradeHistoryController {

    private static final Logger log = LoggerFactory.getLogger(TradeHistoryController.class);

    private final LedgerClient ledger;
    private final Clock clock = Clock.systemUTC();

    TradeHistoryController(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /** The ledger's page ({@code trades}, {@code next}, {@code previous}) or its problem naming the parameter. */
    @GetMapping("/history")
    @Operation(summary = "Page through the whole ledger, newest first", description = "The ledger's "
            + "GET /api/ledger/history with the same parameters: route, status, pair, from, to, submittedBy, "
            + "clientOrderId, size, after or before")
    @ApiResponse(responseCode = "200", description = "One page of trades with its cursors")
    @ApiResponse(responseCode = "400", description = "Invalid or unknown query parameter (named in parameter)")
    @ApiResponse(responseCode = "502", description = "The ledger could not be reached")
    ResponseEntity<Object> page(HttpServletRequest request) {
        return ledger.page(HistoryParameters.checked(request.getParameterMap(), true)).relay();
    }

    /** Streamed as the ledger writes it; a refused filter is answered before a byte of CSV. */
    @GetMapping("/history.csv")
    @Operation(summary = "Export every trade matching the filters as CSV", description = "The ledger's "
            + "GET /api/ledger/history.csv, streamed through")
    @ApiResponse(responseCode = "200", description = "The CSV attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid or unknown query parameter (named in parameter)")
    void export(HttpServletRequest request, HttpServletResponse response) {
        String filename = "trades-" + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace(":", "") + ".csv";
        ledger.export(HistoryParameters.checked(request.getParameterMap(), false), filename, response);
        log.info("{} exported the trade history as CSV ({})", request.getRemoteUser(), request.getQueryString());
    }

    @ExceptionHandler(LedgerRefusalException.class)
    ResponseEntity<Object> refused(LedgerRefusalException e) {
        return e.answer().relay();
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ProblemDetail ledgerUnavailable(LedgerUnavailableException e) {
        log.warn("{}", e.getMessage(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Ledger unavailable");
        return problem;
    }
}
