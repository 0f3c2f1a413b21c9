package io.otcrouter.dashboard.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.dashboard.readmodel.PoolSnapshot;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** The JSON the pages read: straight from the in-memory read model, never from another service. */
@RestController
@RequestMapping("/api")
class DashboardApiController {

    /** The read model keeps this many recent trades; asking for more is a client error. */
    static final int MAX_TRADES = 100;

    private final ReadModelPayloads payloads;

    DashboardApiController(ReadModelPayloads payloads) {
        this.payloads = payloads;
    }

    @GetMapping("/stats")
    StatsView stats() {
        return payloads.stats();
    }

    @GetMapping("/trades")
    List<TradeRowView> trades(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_TRADES) {
            throw new InvalidLimitException(limit, MAX_TRADES);
        }
        return payloads.trades(limit);
    }

    @GetMapping("/trades/{tradeId}")
    TradeDetailView trade(@PathVariable String tradeId) {
        return payloads.detail(tradeId)
                .orElseThrow(() -> new TradeNotFoundException(tradeId, payloads.recentWindow()));
    }

    @GetMapping("/prices")
    PricesView prices() {
        return payloads.prices();
    }

    @GetMapping("/pools")
    List<PoolSnapshot> pools() {
        return payloads.pools();
    }

    @GetMapping("/analytics")
    AnalyticsView analytics() {
        return payloads.analytics();
    }

    /** The tradable tokens, for the trade form. */
    @GetMapping("/tokens")
    List<TokenOption> tokens() {
        return TokenCatalog.defaults().all().stream().map(TokenOption::of).toList();
    }

    record TokenOption(String symbol, int decimals) {
        static TokenOption of(Token token) {
            return new TokenOption(token.symbol(), token.decimals());
        }
    }
}
