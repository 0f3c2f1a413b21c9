package io.otcrouter.router.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL, each under the API key that sent it, each with the id of the one trade it stands
 * for. Insert-first: the primary key (API key id, idempotency key) decides which request, on whichever router
 * instance, owns a key; every other one reads what the owner stored. An attempt that ends without a final answer
 * leaves the key, and its trade id, for the next attempt with the same request.
 */
@Repository
class IdempotencyKeyRepository {

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for an attempt starting {@code now}: a new key with {@code newTradeId}; or a key of the same
     * request whose last attempt ended without a final answer, or was abandoned in flight before
     * {@code abandonedBefore} (its instance crashed), with the trade id it already has.
     *
     * @return the trade the attempt now works on, or empty when the key is someone else's to answer
     */
    Optional<Claim> claim(ScopedKey key, String requestHash, String newTradeId, Instant at, Instant abandonedBefore) {
        // PostgreSQL keeps microseconds: the claim time is compared again as the attempt's fencing token.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        boolean created = jdbc.sql("""
                insert into idempotency_key (api_key_id, idempotency_key, request_hash, trade_id, created_at,
                        claimed_at)
                values (:apiKeyId, :key, :hash, :tradeId, :now, :now)
                on conflict (api_key_id, idempotency_key) do nothing
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key()).param("hash", requestHash)
                .param("tradeId", newTradeId).param("now", Timestamp.from(now)).update() == 1;
        if (created) {
            return Optional.of(new Claim(newTradeId, false, now));
        }
        return jdbc.sql("""
                update idempotency_key set claimed_at = :now, trade_id = coalesce(trade_id, :tradeId)
                where api_key_id = :apiKeyId and idempotency_key = :key and request_hash = :hash
                        and status_code is null and (claimed_at is null or claimed_at < :abandonedBefore)
                returning trade_id
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key()).param("hash", requestHash)
                .param("tradeId", newTradeId).param("now", Timestamp.from(now))
                .param("abandonedBefore", Timestamp.from(abandonedBefore))
                .query((rs, row) -> new Claim(rs.getString("trade_id"), true, now)).optional();
    }

    Optional<StoredResponse> find(ScopedKey key) {
        return jdbc.sql("""
                select request_hash, status_code, response_body, content_type, location, trade_id
                from idempotency_key where api_key_id = :apiKeyId and idempotency_key = :key
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .query((rs, row) -> new StoredResponse(rs.getString("request_hash"),
                        (Integer) rs.getObject("status_code"), rs.getString("response_body"),
                        rs.getString("content_type"), rs.getString("location"), rs.getString("trade_id")))
                .optional();
    }

    /**
     * Stores the final answer of the attempt {@code claim}, unless another attempt took the key over meanwhile; and
     * records, in the same statement, that the broker acknowledged the attempt's decision at {@code acknowledgedAt}
     * (null: nothing acknowledged), as {@code TradeTracker.published} would.
     */
    void complete(ScopedKey key, Claim claim, StoredResponse response, Instant now, Instant acknowledgedAt) {
        acknowledging(claim, acknowledgedAt, """
                update idempotency_key set status_code = :status, response_body = :body, content_type = :type,
                        location = :location, completed_at = :now, claimed_at = null
                where api_key_id = :apiKeyId and idempotency_key = :key and claimed_at = :claimedAt
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .param("status", response.statusCode()).param("body", response.body())
                .param("type", response.contentType()).param("location", response.location())
                .param("now", Timestamp.from(now)).param("claimedAt", Timestamp.from(claim.claimedAt())).update();
    }

    /**
     * Ends the attempt {@code claim} without a final answer (a server error, or a decision whose publication is not
     * confirmed): the key keeps its trade id, and the client's next attempt with the same request resumes it. An
     * acknowledgement of its decision ({@code acknowledgedAt}, else null) is recorded in the same statement.
     */
    void endAttempt(ScopedKey key, Claim claim, Instant acknowledgedAt) {
        acknowledging(claim, acknowledgedAt, """
                update idempotency_key set claimed_at = null
                where api_key_id = :apiKeyId and idempotency_key = :key and claimed_at = :claimedAt
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .param("claimedAt", Timestamp.from(claim.claimedAt())).update();
    }

    /**
     * The key's update, preceded when the decision was acknowledged by the tracked trade's (the router's two tables
     * share a schema): one statement and one commit instead of two. The trade's update does not depend on the key's
     * fencing: an acknowledgement is a fact whichever attempt now holds the key.
     */
    private JdbcClient.StatementSpec acknowledging(Claim claim, Instant acknowledgedAt, String keyUpdate) {
        if (acknowledgedAt == null) {
            return jdbc.sql(keyUpdate);
        }
        return jdbc.sql("""
                with published as (
                    update tracked_trade set published_at = :acknowledgedAt
                    where trade_id = :tradeId and published_at is null)
                """ + keyUpdate).param("tradeId", claim.tradeId())
                .param("acknowledgedAt", Timestamp.from(acknowledgedAt));
    }

    /** Deletes at most {@code batch} keys created before {@code cutoff}; fewer when none older is left. */
    int purgeCreatedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from idempotency_key where (api_key_id, idempotency_key) in (
                    select api_key_id, idempotency_key from idempotency_key where created_at < :cutoff limit :batch)
                """).param("cutoff", Timestamp.from(cutoff)).param("batch", batch).update();
    }

    /**
     * One attempt's hold on a key.
     *
     * @param tradeId   the trade the key stands for, the same in every attempt
     * @param resumed   an earlier attempt under the key may have decided the trade already
     * @param claimedAt when this attempt claimed the key: its fencing token against an attempt that took over
     */
    record Claim(String tradeId, boolean resumed, Instant claimedAt) {
    }

    /** {@code statusCode} null until an attempt stored its final answer. */
    record StoredResponse(String requestHash, Integer statusCode, String body, String contentType, String location,
            String tradeId) {

        boolean completed() {
            return statusCode != null;
        }
    }
}
