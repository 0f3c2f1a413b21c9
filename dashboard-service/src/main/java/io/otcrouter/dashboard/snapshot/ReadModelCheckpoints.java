package io.otcrouter.dashboard.snapshot;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

import io.otcrouter.dashboard.readmodel.DecisionCheckpoint;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementCheckpoint;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.events.catalog.Topics;

/**
 * Keeps the dashboard's restart bounded: the trade topics are kept forever, and the read model is not read from
 * their beginning again at every start.
 *
 * <p>Design: every {@code otc.dashboard.read-model.snapshot-interval} (and at shutdown) the dashboard writes a snapshot
 * of its aggregates to a compacted topic of its own, together with the offsets they stand at: per partition of
 * {@code Topics.TRADES_SETTLED}, the offset counted up to and the lowest offset its recent windows hold (the latest
 * trades by {@code settledAt}, and the last trade ids of the partition for the duplicate check), and per partition of
 * {@code Topics.ROUTES_DECIDED}, the lowest offset of the decision window. At start, before the first record, the
 * newest snapshot is restored and each partition is read from that lowest offset: records before the counted offset
 * only fill the windows again (they are in the restored aggregates already), the rest is counted. The boundary is an
 * offset, not a time, so no trade is counted twice or missed; a redelivered record is dropped by its offset in any
 * case ({@link SettlementProjection}). A start therefore reads about the windows (default 10,000 trades per
 * partition, and 10,000 decisions) plus what was written since the last snapshot, whatever the length of the history.
 * Chosen over seeding from ledger-service's API because it needs no other service at start and has no time boundary
 * between an HTTP answer and a topic offset to reconcile.
 *
 * <p>Every instance writes snapshots, and any of them is a valid place to start from: each part is taken under the
 * lock of its projection, so its figures are exactly those of the records before its offsets. A snapshot that cannot be
 * read, is of another format or names offsets the topics do not have (the topics were recreated) is ignored: the
 * dashboard then reads the topics from the beginning, as it did before snapshots, which is slow but exact.
 */
public class ReadModelCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCheckpoints.class);

    private final SettlementProjection settlements;
    private final RouteDecisionProjection decisions;
    private final SnapshotStore store;
    private final Clock clock;
    /** Guarded by this. */
    private boolean restored;
    /** The snapshot written or restored last, guarded by this. */
    private ReadModelSnapshot last;

    public ReadModelCheckpoints(SettlementProjection settlements, RouteDecisionProjection decisions,
            SnapshotStore store, Clock clock) {
        this.settlements = settlements;
        this.decisions = decisions;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Restores the newest snapshot, once; every listener of a snapshotted topic calls this when it gets its
     * partitions, before its first record, and the first call does the work (the others wait for it). Never throws:
     * while the broker does not answer it tries again (each try waits for the client's own timeouts); a snapshot it
     * cannot use is ignored, and the topics are then read from the beginning.
     */
    public synchronized void restoreOnce() {
        if (restored) {
            return;
        }
        Optional<ReadModelSnapshot> snapshot = usableLatest();
        snapshot.ifPresentOrElse(found -> {
            settlements.restore(found.settlements());
            decisions.restore(found.decisions());
            last = found;
            log.info("Read model restored from the snapshot of {}: {} trades counted; reading {} from {} (counted "
                    + "before {}) and {} from {}", found.takenAt(), found.settlements().stats().total().trades(),
                    Topics.TRADES_SETTLED.name(), found.settlements().replayFrom(), found.settlements().countedUpTo(),
                    Topics.ROUTES_DECIDED.name(), found.decisions().replayFrom());
        }, () -> log.info("No usable read-model snapshot: reading the trade topics from the beginning"));
        restored = true;
    }

    /**
     * Writes a snapshot when the read model moved since the last one; nothing before the restore. Also at shutdown
     * (the listeners still run then, which is fine: each part is taken under its projection's lock), so that a planned
     * restart reads only the window again.
     */
    @Scheduled(fixedDelayString = "${otc.dashboard.read-model.snapshot-interval:60s}",
            initialDelayString = "${otc.dashboard.read-model.snapshot-interval:60s}")
    @EventListener(ContextClosedEvent.class)
    public synchronized void saveIfChanged() {
        if (!restored) {
            return;
        }
        ReadModelSnapshot snapshot = take();
        if (snapshot.sameOffsetsAs(last) || (last == null && nothingRead(snapshot))) {
            return;
        }
        try {
            store.save(snapshot);
            last = snapshot;
        } catch (RuntimeException e) {
            log.warn("Read-model snapshot not written; the next one will be. A restart meanwhile reads a little more",
                    e);
        }
    }

    ReadModelSnapshot take() {
        return new ReadModelSnapshot(ReadModelSnapshot.FORMAT, clock.instant(), settlements.checkpoint(),
                decisions.checkpoint());
    }

    private Optional<ReadModelSnapshot> usableLatest() {
        while (true) {
            try {
                return store.latest().filter(this::matchesTopics);
            } catch (RetriableException e) {
                log.warn("Snapshot topic not readable yet, trying again: {}", e.toString());
            } catch (IllegalArgumentException e) {
                // Corrupt, or written by a dashboard of another snapshot format (after an upgrade).
                log.warn("Ignoring the read-model snapshot: {}", e.getMessage());
                return Optional.empty();
            } catch (RuntimeException e) {
                log.error("Ignoring the read-model snapshot: {}", e.toString());
                return Optional.empty();
            }
        }
    }

    /** False when the snapshot names offsets past the end of a topic: it belongs to topics since recreated. */
    private boolean matchesTopics(ReadModelSnapshot snapshot) {
        boolean matches = within(snapshot.settlements().countedUpTo(), Topics.TRADES_SETTLED.name())
                && within(snapshot.decisions().replayFrom(), Topics.ROUTES_DECIDED.name());
        if (!matches) {
            log.warn("The read-model snapshot of {} names offsets the topics do not have (recreated?)",
                    snapshot.takenAt());
        }
        return matches;
    }

    private boolean within(Map<Integer, Long> offsets, String topic) {
        if (offsets.isEmpty()) {
            return true;
        }
        Map<Integer, Long> end = store.endOffsets(topic);
        return offsets.entrySet().stream()
                .allMatch(offset -> offset.getValue() <= end.getOrDefault(offset.getKey(), -1L));
    }

    private static boolean nothingRead(ReadModelSnapshot snapshot) {
        SettlementCheckpoint settled = snapshot.settlements();
        DecisionCheckpoint decided = snapshot.decisions();
        return settled.countedUpTo().isEmpty() && decided.replayFrom().isEmpty();
    }
}
