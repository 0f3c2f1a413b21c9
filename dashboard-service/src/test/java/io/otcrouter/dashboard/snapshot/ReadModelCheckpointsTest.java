package io.otcrouter.dashboard.snapshot;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;
import io.otcrouter.events.Route;
import io.otcrouter.events.catalog.Topics;

class ReadModelCheckpointsTest {

    private static final Clock CLOCK = Clock.fixed(SETTLED_AT, ZoneOffset.UTC);

    private final InMemoryStore store = new InMemoryStore();
    private final ReadModel running = new ReadModel(store);

    @Test
    void shouldWriteNothingBeforeTheRestoreNorWhenNothingMoved() {
        running.checkpoints.saveIfChanged();
        running.checkpoints.restoreOnce();
        running.checkpoints.saveIfChanged();

        assertThat(store.saved).isEmpty();

        running.settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 0);
        running.checkpoints.saveIfChanged();
        running.checkpoints.saveIfChanged();
        assertThat(store.saved).hasSize(1);
    }

    @Test
    void shouldRestoreTheNewestSnapshotOnceWhicheverListenerAsksFirst() {
        running.checkpoints.restoreOnce();
        running.settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 0);
        running.settlements.apply(solToUsdc("t-2", Route.DEX).build(), 0, 1);
        running.decisions.apply(decision("t-2", "sol-usdc-main").build(), 1, 5);
        running.checkpoints.saveIfChanged();
        store.end.put(Topics.TRADES_SETTLED.name(), Map.of(0, 2L));
        store.end.put(Topics.ROUTES_DECIDED.name(), Map.of(1, 6L));
        store.reads = 0;

        ReadModel restarted = new ReadModel(store);
        restarted.checkpoints.restoreOnce();
        restarted.checkpoints.restoreOnce();

        assertThat(store.reads).isEqualTo(1);
        assertThat(restarted.stats.stats()).isEqualTo(running.stats.stats());
        assertThat(restarted.settlements.resumeOffset(0)).isEqualTo(OptionalLong.of(0));
        assertThat(restarted.decisions.resumeOffset(1)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void shouldWaitForTheBrokerRatherThanReadTheWholeHistory() {
        running.checkpoints.restoreOnce();
        running.settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 0);
        running.checkpoints.saveIfChanged();
        store.end.put(Topics.TRADES_SETTLED.name(), Map.of(0, 1L));
        store.timeoutsBeforeAnswer = 2;
        store.reads = 0;

        ReadModel restarted = new ReadModel(store);
        restarted.checkpoints.restoreOnce();

        assertThat(store.reads).isEqualTo(3);
        assertThat(restarted.stats.stats().total().trades()).isEqualTo(1);
    }

    @Test
    void shouldStartFromTheBeginningWhenTheSnapshotNamesOffsetsTheTopicsDoNotHave() {
        running.checkpoints.restoreOnce();
        running.settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 41);
        running.checkpoints.saveIfChanged();
        store.end.put(Topics.TRADES_SETTLED.name(), Map.of(0, 3L));

        ReadModel restarted = new ReadModel(store);
        restarted.checkpoints.restoreOnce();

        assertThat(restarted.stats.stats().total().trades()).isZero();
        assertThat(restarted.settlements.resumeOffset(0)).isEmpty();
    }

    @Test
    void shouldStartFromTheBeginningWhenTheSnapshotCannotBeRead() {
        store.unreadable = true;

        running.checkpoints.restoreOnce();

        assertThat(running.settlements.resumeOffset(0)).isEmpty();
        running.settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 0);
        running.checkpoints.saveIfChanged();
        assertThat(store.saved).as("a readable snapshot replaces the unreadable one").hasSize(1);
    }

    private static final class ReadModel {
        final TradeStatsReadModel stats = new TradeStatsReadModel(CLOCK);
        final SettlementProjection settlements = new SettlementProjection(stats, new TradeAnalyticsReadModel(10), 10);
        final RouteDecisionProjection decisions = new RouteDecisionProjection(10);
        final ReadModelCheckpoints checkpoints;

        ReadModel(SnapshotStore store) {
            checkpoints = new ReadModelCheckpoints(settlements, decisions, store, CLOCK);
        }
    }

    /** The snapshot topic and the source topics' end offsets, in memory. */
    private static final class InMemoryStore implements SnapshotStore {
        final List<ReadModelSnapshot> saved = new ArrayList<>();
        final Map<String, Map<Integer, Long>> end = new HashMap<>();
        int reads;
        int timeoutsBeforeAnswer;
        boolean unreadable;

        @Override
        public Optional<ReadModelSnapshot> latest() {
            reads++;
            if (timeoutsBeforeAnswer-- > 0) {
                throw new TimeoutException("broker not answering");
            }
            if (unreadable) {
                throw new IllegalArgumentException("not a read-model snapshot");
            }
            return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
        }

        @Override
        public void save(ReadModelSnapshot snapshot) {
            saved.add(snapshot);
        }

        @Override
        public Map<Integer, Long> endOffsets(String topic) {
            return end.getOrDefault(topic, Map.of());
        }
    }
}
