package io.otcrouter.dashboard.readmodel;

import java.util.Map;

/**
 * Where the decision window stands in {@code Topics.ROUTES_DECIDED}: what a snapshot keeps of
 * {@link RouteDecisionProjection}. Decisions feed no aggregate, so a restart only reads each partition again from the
 * oldest decision the window held.
 *
 * @param replayFrom per partition, the lowest offset of a decision in the window, or the next offset to read when
 *                   the window holds none of that partition
 */
public record DecisionCheckpoint(Map<Integer, Long> replayFrom) {

    public DecisionCheckpoint {
        replayFrom = Map.copyOf(replayFrom);
    }
}
