package io.otcrouter.ledger.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trade history: every trade of the ledger, filtered, a page at a time in either direction, and the whole filtered
 * set as CSV. Who may read it is decided in {@code SecurityConfig} (scope read, like the rest of the ledger API).
 */
@RestController
@RequestMapping("/api/ledger")
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
    TradeHistoryView page(HttpServletRequest request) {
        return history.page(HistoryQuery.parse(request.getParameterMap()));
    }

    /**
     * Every trade matching the filters (the same as {@code /history}, without size or cursor), newest first, as CSV,
     * streamed as it is read: a bad filter is refused before the first byte.
     */
    @GetMapping("/history.csv")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TradeFilter filter = HistoryQuery.parseExport(request.getParameterMap());
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("trades.csv").build().toString());
        history.export(filter, response.getOutputStream());
    }
}
