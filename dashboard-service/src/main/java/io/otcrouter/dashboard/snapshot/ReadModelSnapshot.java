package io.otcrouter.dashboard.snapshot;

import java.time.Instant;

import io.otcrouter.dashboard.readmodel.DecisionCheckpoint;
import io.otcrouter.dashboard.readmodel.SettlementCheckpoint;

/**
 * What the dashboard writes to its snapshot topic: the aggregates over every trade with the offsets they stand at,
 * and where the recent windows begin. Each part is consistent with its own offsets (taken under its projection's lock);
 * prices and pools are not in it, their topics are compacted and read whole.
 *
 * @param format  {@link #FORMAT}; a snapshot of another format is ignored and the topics are read from the start
 * @param takenAt when it was taken, for the log and to pick the newest
 */
public record ReadModelSnapshot(int format, Instant takenAt, SettlementCheckpoint settlements,
        DecisionCheckpoint decisions) {

    /** Changes whenever the shape or meaning of a snapshot does. */
    public static final int FORMAT = 1;

    /** Whether this snapshot stands at the same offsets as {@code other}: writing it again would add nothing. */
    boolean sameOffsetsAs(ReadModelSnapshot other) {
        return other != null && settlements.countedUpTo().equals(other.settlements.countedUpTo())
                && settlements.replayFrom().equals(other.settlements.replayFrom())
                && decisions.replayFrom().equals(other.decisions.replayFrom());
    }
}
