package io.otcrouter.ledger.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger query API: trades newest first, and one trade with its legs. */
@RestController
@RequestMapping("/api/ledger/trades")
class LedgerController {

    static final int MAX_PAGE_SIZE = 200;

    private final LedgerQueries queries;

    LedgerController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    TradePageView trades(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidPageRequestException(
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ", got page=" + page + " size=" + size);
        }
        return queries.page(page, size);
    }

    @GetMapping("/{tradeId}")
    TradeDetailView trade(@PathVariable String tradeId) {
        return queries.trade(tradeId);
    }
}
