package io.otcrouter.ledger.api;

import java.util.List;

/** One page of trades, newest first. */
public record TradePageView(List<TradeView> content, int page, int size, long totalElements, int totalPages) {
}
