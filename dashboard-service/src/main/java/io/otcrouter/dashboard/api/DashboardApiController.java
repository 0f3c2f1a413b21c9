package io.otcrouter.dashboard.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.dashboard.view.PoolSnapshot;
import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.TradeStatsView;

/** The JSON the dashboard page polls: read straight from the in-memory read model, never from another service. */
@RestController
@RequestMapping("/api")
class DashboardApiController {

    /** The read model keeps this many recent trades; asking for more is a client error. */
    static final int MAX_TRADES = 100;

    private final TradeStatsView tradeStatsView;
    private final RouteDecisionView routeDecisionView;
    private final PriceView priceView;
    private final PoolView poolView;

    DashboardApiController(TradeStatsView tradeStatsView, RouteDecisionView routeDecisionView, PriceView priceView,
            PoolView poolView) {
        this.tradeStatsView = tradeStatsView;
        this.routeDecisionView = routeDecisionView;
        this.priceView = priceView;
        this.poolView = poolView;
    }

    @GetMapping("/stats")
    StatsResponse stats() {
        return StatsResponse.from(tradeStatsView.stats());
    }

    @GetMapping("/trades")
    List<TradeRow> trades(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_TRADES) {
            throw new InvalidLimitException(limit, MAX_TRADES);
        }
        return tradeStatsView.recent(limit).stream()
                .map(trade -> TradeRow.from(trade, routeDecisionView.decision(trade.tradeId()).orElse(null)))
                .toList();
    }

    @GetMapping("/prices")
    PricesResponse prices() {
        return PricesResponse.from(priceView);
    }

    @GetMapping("/pools")
    List<PoolSnapshot> pools() {
        return poolView.pools();
    }
}
