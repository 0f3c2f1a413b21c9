package io.otcrouter.ledger.api;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeLegRepository;
import io.otcrouter.ledger.booking.TradeRepository;

/** Read side of the ledger API. */
@Service
@Transactional(readOnly = true)
class LedgerQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("id"));

    private final TradeRepository trades;
    private final TradeLegRepository legs;

    LedgerQueries(TradeRepository trades, TradeLegRepository legs) {
        this.trades = trades;
        this.legs = legs;
    }

    TradePageView page(TradeFilter filter, int page, int size) {
        Page<Trade> result = trades.findAll(filter.specification(), PageRequest.of(page, size, NEWEST_FIRST));
        return new TradePageView(result.map(TradeView::of).getContent(), page, size, result.getTotalElements(),
                result.getTotalPages());
    }

    TradeDetailView trade(String tradeId) {
        Trade trade = trades.findByTradeId(tradeId).orElseThrow(() -> new TradeNotFoundException(tradeId));
        List<LegView> legViews = legs.findByTradeIdOrderByLegId(tradeId).stream()
                .map(leg -> LegView.of(leg, trade.getInputDecimals(), trade.getOutputDecimals()))
                .toList();
        return new TradeDetailView(TradeView.of(trade), legViews);
    }
}
