package io.otcrouter.dashboard.snapshot;

import java.util.Map;
import java.util.Optional;

/** Where snapshots of the read model are kept, and what the source topics hold now. */
public interface SnapshotStore {

    /**
     * The newest snapshot written.
     *
     * @return empty when none was ever written
     * @throws IllegalArgumentException when the newest one cannot be read (corrupt, or of another format)
     */
    Optional<ReadModelSnapshot> latest();

    /** Writes a snapshot; it becomes the newest. */
    void save(ReadModelSnapshot snapshot);

    /** Per partition of {@code topic}, the offset the next record will get. */
    Map<Integer, Long> endOffsets(String topic);
}
