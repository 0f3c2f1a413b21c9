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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The JSON the pages read: straight from the in-memory read model, never from another service. */
@RestController
@RequestMapping("/api")
@Tag(name = "Read model")
@SecurityRequirement(name = ApiAccess.SESSION, scopes = ApiAccess.VIEWER)
@SecurityRequirement(name = ApiAccess.BASIC, scopes = ApiAccess.VIEWER)
class DashboardApiController {

    /** The read model keeps this many recent trades; asking for more is a client error. */
    static final int MAX_TRADES = 100;

    private final ReadModelPayloads payloads;

    DashboardApiController(ReadModelPayloads payloads) {
        this.payloads = payloads;
    }

    @GetMapping("/stats")
    @Operation(summary = "Totals, savings and route mix of every settled trade")
    StatsView stats() {
        return payloads.stats();
    }

    @GetMapping("/trades")
    @Operation(summary = "The most recent trades, newest first")
    @ApiResponse(responseCode = "200", description = "Up to limit trades")
    @ApiResponse(responseCode = "400", description = "limit outside 1-100")
    List<TradeRowView> trades(@Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_TRADES) {
            throw new InvalidLimitException(limit, MAX_TRADES);
        }
        return payloads.trades(limit);
    }

    @GetMapping("/trades/{tradeId}")
    @Operation(summary = "One recent trade with its decision, legs and settlement")
    @ApiResponse(responseCode = "200", description = "The trade")
    @ApiResponse(responseCode = "404", description = "Not among the recent trades the dashboard keeps")
    TradeDetailView trade(@Parameter(example = "0b8f5a2e-4c1d-4f7a-9a57-3f2d1c6e8b90") @PathVariable String tradeId) {
        return payloads.detail(tradeId)
                .orElseThrow(() -> new TradeNotFoundException(tradeId, payloads.recentWindow()));
    }

    @GetMapping("/prices")
    @Operation(summary = "Reference prices with their source and age")
    PricesView prices() {
        return payloads.prices();
    }

    @GetMapping("/pools")
    @Operation(summary = "Every OTC pool's latest state")
    List<PoolSnapshot> pools() {
        return payloads.pools();
    }

    @GetMapping("/analytics")
    @Operation(summary = "Series for the analytics page's charts")
    AnalyticsView analytics() {
        return payloads.analytics();
    }

    /** The tradable tokens, for the trade form. */
    @GetMapping("/tokens")
    @Operation(summary = "The tradable tokens and their decimals")
    List<TokenOption> tokens() {
        return TokenCatalog.defaults().all().stream().map(TokenOption::of).toList();
    }

    record TokenOption(String symbol, int decimals) {
        static TokenOption of(Token token) {
            return new TokenOption(token.symbol(), token.decimals());
        }
    }
}
