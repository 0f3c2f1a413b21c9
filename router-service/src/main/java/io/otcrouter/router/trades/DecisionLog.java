package io.otcrouter.router.trades;

import java.time.Instant;

/** The decisions topic, searched for one trade's decision when the router's own records cannot tell. */
public interface DecisionLog {

    /**
     * Looks for the decision of {@code tradeId}, made at {@code decidedAt}, on the decisions topic.
     *
     * @return {@link Search#FOUND}; {@link Search#ABSENT} when the log holds everything written since the decision
     *         and not it; {@link Search#UNKNOWN} when the search could not finish (the broker away, too slow)
     */
    Search find(String tradeId, Instant decidedAt);

    enum Search { FOUND, ABSENT, UNKNOWN }
}
