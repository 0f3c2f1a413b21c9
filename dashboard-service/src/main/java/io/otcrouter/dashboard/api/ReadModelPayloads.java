package io.otcrouter.dashboard.api;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.view.PoolSnapshot;
import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.RouteDecision;
import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.SettlementDetail;
import io.otcrouter.dashboard.view.SettlementProjection;
import io.otcrouter.dashboard.view.TradeAnalyticsView;
import io.otcrouter.dashboard.view.TradeStatsView;

/** The JSON bodies read from the read model, shared by the JSON API and the live event stream. */
@Component
class ReadModelPayloads {

    private final TradeStatsView tradeStatsView;
    private final TradeAnalyticsView tradeAnalyticsView;
    private final SettlementProjection settlements;
    private final RouteDecisionView routeDecisionView;
    private final PriceView priceView;
    private final PoolView poolView;

    ReadModelPayloads(TradeStatsView tradeStatsView, TradeAnalyticsView tradeAnalyticsView,
            SettlementProjection settlements, RouteDecisionView routeDecisionView, PriceView priceView,
            PoolView poolView) {
        this.tradeStatsView = tradeStatsView;
        this.tradeAnalyticsView = tradeAnalyticsView;
        this.settlements = settlements;
        this.routeDecisionView = routeDecisionView;
        this.priceView = priceView;
        this.poolView = poolView;
    }

    StatsResponse stats() {
        return StatsResponse.from(tradeStatsView.stats());
    }

    List<TradeRow> trades(int limit) {
        return settlements.recent(limit).stream()
                .map(trade -> TradeRow.from(trade, routeDecisionView.decision(trade.tradeId()).orElse(null)))
                .toList();
    }

    PricesResponse prices() {
        return PricesResponse.from(priceView);
    }

    List<PoolSnapshot> pools() {
        return poolView.pools();
    }

    AnalyticsResponse analytics() {
        return AnalyticsResponse.from(tradeAnalyticsView.analytics(), tradeStatsView.daily());
    }

    /** Empty when neither the decision nor the settlement of this trade is (still) in the recent window. */
    Optional<TradeDetailResponse> detail(String tradeId) {
        RouteDecision decision = routeDecisionView.decision(tradeId).orElse(null);
        SettlementDetail settlement = settlements.detail(tradeId).orElse(null);
        if (decision == null && settlement == null) {
            return Optional.empty();
        }
        return Optional.of(TradeDetailResponse.of(tradeId, decision, settlement));
    }

    /** How many recent trades the read model keeps with their details. */
    int recentWindow() {
        return settlements.recentCapacity();
    }
}
