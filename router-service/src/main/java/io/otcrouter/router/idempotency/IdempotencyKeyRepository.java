package io.otcrouter.router.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL, each under the API key that sent it. Insert-first: the primary key (API key id,
 * idempotency key) decides which request, on whichever router instance, owns a key; every other one reads what
 * the owner stored.
 */
@Repository
class IdempotencyKeyRepository {

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call now owns the key (it did not exist, or its owner abandoned it) */
    boolean claim(ScopedKey key, String requestHash, Instant now, Instant abandonedBefore) {
        // A key still in flight long after any request could have finished belongs to a crashed instance.
        jdbc.sql("""
                delete from idempotency_key
                where api_key_id = :apiKeyId and idempotency_key = :key and status_code is null
                        and created_at < :abandonedBefore
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .param("abandonedBefore", Timestamp.from(abandonedBefore)).update();
        return jdbc.sql("""
                insert into idempotency_key (api_key_id, idempotency_key, request_hash, created_at)
                values (:apiKeyId, :key, :hash, :now)
                on conflict (api_key_id, idempotency_key) do nothing
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key()).param("hash", requestHash)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    Optional<StoredResponse> find(ScopedKey key) {
        return jdbc.sql("""
                select request_hash, status_code, response_body, content_type, location
                from idempotency_key where api_key_id = :apiKeyId and idempotency_key = :key
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .query((rs, row) -> new StoredResponse(rs.getString("request_hash"),
                        (Integer) rs.getObject("status_code"), rs.getString("response_body"),
                        rs.getString("content_type"), rs.getString("location")))
                .optional();
    }

    void complete(ScopedKey key, StoredResponse response, Instant now) {
        jdbc.sql("""
                update idempotency_key set status_code = :status, response_body = :body, content_type = :type,
                        location = :location, completed_at = :now
                where api_key_id = :apiKeyId and idempotency_key = :key
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key())
                .param("status", response.statusCode()).param("body", response.body())
                .param("type", response.contentType()).param("location", response.location())
                .param("now", Timestamp.from(now)).update();
    }

    /** Frees a key whose request failed on the server side, so the client's retry runs afresh. */
    void release(ScopedKey key) {
        jdbc.sql("""
                delete from idempotency_key
                where api_key_id = :apiKeyId and idempotency_key = :key and status_code is null
                """).param("apiKeyId", key.apiKeyId()).param("key", key.key()).update();
    }

    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** {@code statusCode} null while the first request is still in flight. */
    record StoredResponse(String requestHash, Integer statusCode, String body, String contentType, String location) {

        boolean completed() {
            return statusCode != null;
        }
    }
}
