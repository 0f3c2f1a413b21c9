package io.otcrouter.router.trades;

import io.otcrouter.router.tracking.TradeView;

/**
 * A submission's trade as it stands.
 *
 * @param trade          the decision and whatever progress the trade made
 * @param decidedEarlier an earlier attempt under the same Idempotency-Key decided it; this one decided nothing
 */
public record SubmittedTrade(TradeView trade, boolean decidedEarlier) {
}
