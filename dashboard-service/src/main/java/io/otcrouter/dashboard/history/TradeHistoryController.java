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

/**
 * The trade history page's data: a page of the whole ledger ({@code GET /api/history}) and the CSV export of the
 * filtered set ({@code GET /api/history.csv}), forwarded to ledger-service with the dashboard's own key for a
 * signed-in viewer (who may is decided in {@code SecurityConfig}). The read model holds only a recent window; the
 * ledger holds every trade.
 */
@RestController
@RequestMapping("/api")
class TradeHistoryController {

    private static final Logger log = LoggerFactory.getLogger(TradeHistoryController.class);

    private final LedgerClient ledger;
    private final Clock clock = Clock.systemUTC();

    TradeHistoryController(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /** The ledger's page ({@code trades}, {@code next}, {@code previous}) or its problem naming the parameter. */
    @GetMapping("/history")
    ResponseEntity<Object> page(HttpServletRequest request) {
        return ledger.page(HistoryParameters.checked(request.getParameterMap(), true)).relay();
    }

    /** Streamed as the ledger writes it; a refused filter is answered before a byte of CSV. */
    @GetMapping("/history.csv")
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
