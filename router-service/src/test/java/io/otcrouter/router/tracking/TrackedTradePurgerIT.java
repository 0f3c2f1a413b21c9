package io.otcrouter.router.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.config.TrackingProperties;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The tracked-trade purge against a real PostgreSQL migrated by the service's own Flyway scripts, on a fixed clock
 * ten years back so that no other test's trades are ever old enough to be touched.
 */
class TrackedTradePurgerIT {

    private static final Instant NOW = Instant.now().minus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MILLIS);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Instant OLD = NOW.minus(Duration.ofHours(25));
    private static final Instant RECENT = NOW.minus(Duration.ofHours(23));
    private static final IdempotencyProperties IDEMPOTENCY = new IdempotencyProperties(RETENTION,
            Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofMinutes(2));

    private static JdbcClient jdbc;
    private static TrackedTradeRepository trades;

    @BeforeAll
    static void migrate() {
        jdbc = EmbeddedPostgresHolder.migratedSchema("router");
        trades = new TrackedTradeRepository(jdbc);
    }

    @BeforeEach
    void forgetThisTestsEra() {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(365)));
        jdbc.sql("delete from tracked_trade where coalesce(decided_at, settled_at) < :t").param("t", longAgo).update();
        jdbc.sql("delete from tracked_leg where executed_at < :t").param("t", longAgo).update();
    }

    @Test
    void shouldPurgeTradesOlderThanTheRetentionWithTheirLegsAndKeepTheRest() {
        String oldDecided = decided(OLD);
        leg(oldDecided, "leg-1", OLD);
        leg(oldDecided, "leg-2", OLD.plusSeconds(1));
        String oldSettledOnly = settledOnly(OLD);
        String recent = decided(RECENT);
        leg(recent, "leg-1", OLD); // a venue clock behind: the leg goes with its trade, not by its own time
        String neverTracked = "untracked-" + UUID.randomUUID();
        leg(neverTracked, "leg-1", OLD);
        String recentlyUntracked = "untracked-" + UUID.randomUUID();
        leg(recentlyUntracked, "leg-1", RECENT);

        int purged = purger(2).purge();

        assertThat(purged).isEqualTo(2);
        assertThat(tracked(oldDecided, oldSettledOnly, recent)).containsExactly(recent);
        assertThat(legsOf(oldDecided)).isEmpty();
        assertThat(legsOf(recent)).containsExactly("leg-1");
        assertThat(legsOf(neverTracked)).as("an old leg whose trade is not tracked").isEmpty();
        assertThat(legsOf(recentlyUntracked)).containsExactly("leg-1");
    }

    @Test
    void shouldDeleteNoMoreThanOneBatchPerStatementAndPurgeEveryBatchInARun() {
        List<String> first = List.of(decided(OLD), decided(OLD), decided(OLD), decided(OLD), decided(OLD));
        Instant cutoff = NOW.minus(RETENTION);

        assertThat(trades.purgeRecordedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(trades.purgeRecordedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(trades.purgeRecordedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(trades.purgeRecordedBefore(cutoff, 2)).isZero();
        assertThat(tracked(first.toArray(String[]::new))).isEmpty();

        List<String> second = List.of(decided(OLD), decided(OLD), decided(OLD), decided(OLD), decided(OLD));
        assertThat(purger(2).purge()).isEqualTo(5);
        assertThat(tracked(second.toArray(String[]::new))).isEmpty();
    }

    @Test
    void shouldKeepEveryTradeWhileItIsWithinTheRetentionOnTheClock() {
        String trade = decided(NOW.minus(RETENTION).plusMillis(1));

        assertThat(purger(10).purge()).isZero();
        assertThat(tracked(trade)).containsExactly(trade);

        var dayLater = new TrackedTradePurger(trades, new TrackingProperties(RETENTION, Duration.ofMinutes(10)),
                IDEMPOTENCY, Clock.fixed(NOW.plusMillis(2), ZoneOffset.UTC), 10);
        assertThat(dayLater.purge()).isEqualTo(1);
        assertThat(tracked(trade)).isEmpty();
    }

    private static TrackedTradePurger purger(int batch) {
        return new TrackedTradePurger(trades, new TrackingProperties(RETENTION, Duration.ofMinutes(10)), IDEMPOTENCY,
                Clock.fixed(NOW, ZoneOffset.UTC), batch);
    }

    private static String decided(Instant at) {
        String tradeId = "purge-" + UUID.randomUUID();
        assertThat(trades.saveDecision(tradeId, "{}", at, "desk")).isTrue();
        return tradeId;
    }

    private static String settledOnly(Instant at) {
        String tradeId = "purge-" + UUID.randomUUID();
        jdbc.sql("""
                insert into tracked_trade (trade_id, status, settlement_status, settled_at)
                values (:id, 'SETTLED', 'FILLED', :at)""").param("id", tradeId).param("at", Timestamp.from(at))
                .update();
        return tradeId;
    }

    private static void leg(String tradeId, String legId, Instant executedAt) {
        jdbc.sql("""
                insert into tracked_leg (trade_id, leg_id, venue, status, in_amount, out_amount, executed_at)
                values (:id, :leg, 'OTC', 'FILLED', 1, 1, :at)""").param("id", tradeId).param("leg", legId)
                .param("at", Timestamp.from(executedAt)).update();
    }

    private static List<String> tracked(String... tradeIds) {
        return jdbc.sql("select trade_id from tracked_trade where trade_id in (:ids)")
                .param("ids", List.of(tradeIds)).query(String.class).list();
    }

    private static List<String> legsOf(String tradeId) {
        return jdbc.sql("select leg_id from tracked_leg where trade_id = :id order by leg_id").param("id", tradeId)
                .query(String.class).list();
    }
}
