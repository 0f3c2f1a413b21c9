package io.otcrouter.ledger.api;

import java.util.List;

/** A trade with its legs. */
public record TradeDetailView(TradeView trade, List<LegView> legs) {
}
