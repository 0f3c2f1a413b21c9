package io.otcrouter.dashboard.readmodel;

import java.util.Map;

/**
 * Where the settlement part of the read model stands in {@code Topics.TRADES_SETTLED}, with its aggregates: what a
 * snapshot keeps of {@link SettlementProjection}. Per partition, the records before {@code countedUpTo} are in the
 * aggregates and those from {@code replayFrom} on are the recent window, so a restart reads the partition again from
 * {@code replayFrom}, puts the records before {@code countedUpTo} in the window only, and counts the rest.
 *
 * @param countedUpTo per partition, the first offset not yet in the aggregates
 * @param replayFrom  per partition, the lowest offset the recent windows hold ({@code <= countedUpTo})
 */
public record SettlementCheckpoint(Map<Integer, Long> countedUpTo, Map<Integer, Long> replayFrom,
        TradeStatsReadModel.Totals stats, TradeAnalyticsReadModel.Totals analytics) {

    public SettlementCheckpoint {
        countedUpTo = Map.copyOf(countedUpTo);
        replayFrom = Map.copyOf(replayFrom);
        for (Map.Entry<Integer, Long> start : replayFrom.entrySet()) {
            long counted = countedUpTo.getOrDefault(start.getKey(), 0L);
            if (start.getValue() > counted) {
                throw new IllegalArgumentException("partition " + start.getKey() + ": replay from "
                        + start.getValue() + " is past the counted offset " + counted);
            }
        }
    }
}
