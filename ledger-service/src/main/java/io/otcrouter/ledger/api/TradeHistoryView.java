package io.otcrouter.ledger.api;

import java.util.List;

/**
 * One page of the trade history, newest first. {@code next} and {@code previous} are cursors for
 * {@code after=} and {@code before=}: null when there is nothing older (next) or this is the newest page (previous).
 */
public record TradeHistoryView(List<TradeView> trades, int size, String next, String previous) {
}
