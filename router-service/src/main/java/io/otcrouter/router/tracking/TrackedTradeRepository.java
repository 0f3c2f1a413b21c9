package io.otcrouter.router.tracking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.TradeSettled;

/**
 * Upserts keyed by tradeId, so a decision, its legs and its settlement can arrive in any order and any number
 * of times: the decision only fills the summary, the latest settlement revision wins, a leg is stored once.
 */
@Repository
class TrackedTradeRepository {

    private final JdbcClient jdbc;

    TrackedTradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false when a decision for this trade is stored already (another attempt decided it): the trade id is
     *         what keeps two attempts under one Idempotency-Key from both publishing a decision
     */
    boolean saveDecision(String tradeId, String summaryJson, Instant decidedAt, String apiKeyId) {
        return jdbc.sql("""
                insert into tracked_trade (trade_id, status, summary, decided_at, api_key_id)
                values (:tradeId, 'DECIDED', cast(:summary as jsonb), :decidedAt, :apiKeyId)
                on conflict (trade_id) do update set summary = excluded.summary, decided_at = excluded.decided_at,
                        api_key_id = excluded.api_key_id
                where tracked_trade.summary is null
                """).param("tradeId", tradeId).param("summary", summaryJson)
                .param("decidedAt", Timestamp.from(decidedAt)).param("apiKeyId", apiKeyId).update() == 1;
    }

    void markPublished(String tradeId, Instant at) {
        jdbc.sql("""
                update tracked_trade set published_at = :at where trade_id = :tradeId and published_at is null
                """).param("tradeId", tradeId).param("at", Timestamp.from(at)).update();
    }

    /** Forgets a decision that never reached the broker; never one the broker has, or that made progress. */
    void deleteUnpublished(String tradeId) {
        jdbc.sql("""
                delete from tracked_trade t
                where t.trade_id = :tradeId and t.status = 'DECIDED' and t.published_at is null
                        and not exists (select 1 from tracked_leg l where l.trade_id = t.trade_id)
                """).param("tradeId", tradeId).update();
    }

    /** What is known of the publication of the trade's decision; empty when nothing of the trade is stored. */
    Optional<Publication> publication(String tradeId) {
        return jdbc.sql("""
                select t.summary is not null as decided, t.decided_at, t.published_at is not null as acknowledged,
                        t.settled_at is not null
                        or exists (select 1 from tracked_leg l where l.trade_id = t.trade_id) as progressed
                from tracked_trade t where t.trade_id = :tradeId
                """).param("tradeId", tradeId)
                .query((rs, row) -> new Publication(rs.getBoolean("decided") ? instant(rs.getTimestamp("decided_at"))
                        : null, rs.getBoolean("acknowledged"), rs.getBoolean("progressed")))
                .optional();
    }

    /**
     * Stores the settlement if the trade has none, or only an older revision (a correction supersedes it); revisions
     * of one trade arrive in order (keyed by tradeId), and the condition keeps a late copy of an older one from
     * undoing a correction.
     *
     * @return whether this call changed the trade's settlement (false for a redelivery or an older revision)
     */
    boolean settle(TradeSettled settled) {
        return jdbc.sql("""
                insert into tracked_trade (trade_id, status, settlement_status, filled_in_amount, out_amount,
                        saving_out_amount, execution_price, settled_at, settlement_revision)
                values (:tradeId, 'SETTLED', :status, :filledIn, :out, :saving, :price, :settledAt, :revision)
                on conflict (trade_id) do update set status = 'SETTLED',
                        settlement_status = excluded.settlement_status, filled_in_amount = excluded.filled_in_amount,
                        out_amount = excluded.out_amount, saving_out_amount = excluded.saving_out_amount,
                        execution_price = excluded.execution_price, settled_at = excluded.settled_at,
                        settlement_revision = excluded.settlement_revision
                where tracked_trade.settled_at is null
                        or coalesce(tracked_trade.settlement_revision, 1) < excluded.settlement_revision
                """).param("tradeId", settled.getTradeId()).param("status", settled.getStatus().name())
                .param("filledIn", settled.getFilledInAmount()).param("out", settled.getOutAmount())
                .param("saving", settled.getSavingOutAmount()).param("price", settled.getExecutionPrice())
                .param("settledAt", Timestamp.from(settled.getSettledAt()))
                .param("revision", settled.getRevision()).update() == 1;
    }

    void saveLeg(LegExecuted leg) {
        jdbc.sql("""
                insert into tracked_leg (trade_id, leg_id, venue, pool_id, status, reason, in_amount, out_amount,
                        executed_at)
                values (:tradeId, :legId, :venue, :poolId, :status, :reason, :in, :out, :executedAt)
                on conflict (trade_id, leg_id) do nothing
                """).param("tradeId", leg.getTradeId()).param("legId", leg.getLegId())
                .param("venue", leg.getVenue().name()).param("poolId", leg.getPoolId())
                .param("status", leg.getStatus().name()).param("reason", leg.getReason())
                .param("in", EventDecimals.atomic(EventDecimals.toAtomic(leg.getInAmount())))
                .param("out", EventDecimals.atomic(EventDecimals.toAtomic(leg.getOutAmount())))
                .param("executedAt", Timestamp.from(leg.getExecutedAt())).update();
    }

    /**
     * Deletes at most {@code batch} trades recorded before {@code cutoff}, with their legs, in one statement.
     *
     * @return the number of trades deleted: fewer than {@code batch} when none older is left
     */
    int purgeRecordedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                with purged as (
                    delete from tracked_trade where trade_id in (
                        select trade_id from tracked_trade where coalesce(decided_at, settled_at) < :cutoff
                        limit :batch)
                    returning trade_id),
                legs as (delete from tracked_leg where trade_id in (select trade_id from purged))
                select count(*) from purged
                """).param("cutoff", Timestamp.from(cutoff)).param("batch", batch).query(Integer.class).single();
    }

    /** Deletes at most {@code batch} legs executed before {@code cutoff} whose trade is not tracked (any more). */
    int purgeLegsExecutedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from tracked_leg where (trade_id, leg_id) in (
                    select l.trade_id, l.leg_id from tracked_leg l
                    where l.executed_at < :cutoff
                            and not exists (select 1 from tracked_trade t where t.trade_id = l.trade_id)
                    limit :batch)
                """).param("cutoff", Timestamp.from(cutoff)).param("batch", batch).update();
    }

    Optional<TrackedTrade> find(String tradeId) {
        return jdbc.sql("select * from tracked_trade where trade_id = :tradeId").param("tradeId", tradeId)
                .query(TrackedTradeRepository::trade).optional();
    }

    List<TrackedLeg> legs(String tradeId) {
        return jdbc.sql("select * from tracked_leg where trade_id = :tradeId order by leg_id")
                .param("tradeId", tradeId).query(TrackedTradeRepository::leg).list();
    }

    private static TrackedTrade trade(ResultSet rs, int row) throws SQLException {
        return new TrackedTrade(rs.getString("trade_id"), rs.getString("status"), rs.getString("summary"),
                rs.getString("settlement_status"), rs.getBigDecimal("filled_in_amount"), rs.getBigDecimal("out_amount"),
                rs.getBigDecimal("saving_out_amount"), rs.getBigDecimal("execution_price"),
                instant(rs.getTimestamp("settled_at")), rs.getInt("settlement_revision"), rs.getString("api_key_id"));
    }

    private static TrackedLeg leg(ResultSet rs, int row) throws SQLException {
        return new TrackedLeg(rs.getString("leg_id"), rs.getString("venue"), rs.getString("pool_id"),
                rs.getString("status"), rs.getString("reason"), rs.getBigDecimal("in_amount"),
                rs.getBigDecimal("out_amount"), instant(rs.getTimestamp("executed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * {@code settlementRevision}: the settlement's revision, 0 while unsettled; {@code apiKeyId}: the API key that
     * submitted the trade, null for trades decided before it was kept.
     */
    record TrackedTrade(String tradeId, String status, String summary, String settlementStatus,
            BigDecimal filledInAmount, BigDecimal outAmount, BigDecimal savingOutAmount, BigDecimal executionPrice,
            Instant settledAt, int settlementRevision, String apiKeyId) {
    }

    record TrackedLeg(String legId, String venue, String poolId, String status, String reason, BigDecimal inAmount,
            BigDecimal outAmount, Instant executedAt) {
    }
}
