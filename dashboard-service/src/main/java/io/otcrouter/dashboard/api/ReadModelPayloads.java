package io.otcrouter.dashboard.api;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.otcrouter.dashboard.readmodel.PoolSnapshot;
import io.otcrouter.dashboard.readmodel.PoolProjection;
import io.otcrouter.dashboard.readmodel.PriceProjection;
import io.otcrouter.dashboard.readmodel.RouteDecision;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementDetail;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;

/** The JSON bodies read from the read model, shared by the JSON API and the live event stream. */
@Component
class ReadModelPayloads {

    private final TradeStatsReadModel tradeStatsReadModel;
    private final TradeAnalyticsReadModel tradeAnalyticsReadModel;
    private final SettlementProjection settlements;
    private final RouteDecisionProjection routeDecisionProjection;
    private final PriceProjection priceProjection;
    private final PoolProjection poolProjection;

    ReadModelPayloads(TradeStatsReadModel tradeStatsReadModel, TradeAnalyticsReadModel tradeAnalyticsReadModel,
            SettlementProjection settlements, RouteDecisionProjection routeDecisionProjection,
            PriceProjection priceProjection, PoolProjection poolProjection) {
        this.tradeStatsReadModel = tradeStatsReadModel;
        this.tradeAnalyticsReadModel = tradeAnalyticsReadModel;
        this.settlements = settlements;
        this.routeDecisionProjection = routeDecisionProjection;
        this.priceProjection = priceProjection;
        this.poolProjection = poolProjection;
    }

    StatsView stats() {
        return StatsView.from(tradeStatsReadModel.stats());
    }

    List<TradeRowView> trades(int limit) {
        return settlements.recent(limit).stream()
                .map(trade -> TradeRowView.from(trade, routeDecisionProjection.decision(trade.tradeId()).orElse(null)))
                .toList();
    }

    PricesView prices() {
        return PricesView.from(priceProjection);
    }

    List<PoolSnapshot> pools() {
        return poolProjection.pools();
    }

    AnalyticsView analytics() {
        return AnalyticsView.from(tradeAnalyticsReadModel.analytics(), tradeStatsReadModel.daily());
    }

    /** Empty when neither the decision nor the settlement of this trade is (still) in the recent window. */
    Optional<TradeDetailView> detail(String tradeId) {
        RouteDecision decision = routeDecisionProjection.decision(tradeId).orElse(null);
        SettlementDetail settlement = settlements.detail(tradeId).orElse(null);
        if (decision == null && settlement == null) {
            return Optional.empty();
        }
        return Optional.of(TradeDetailView.of(tradeId, decision, settlement));
    }

    /** How many recent trades the read model keeps with their details. */
    int recentWindow() {
        return settlements.recentCapacity();
    }
}
