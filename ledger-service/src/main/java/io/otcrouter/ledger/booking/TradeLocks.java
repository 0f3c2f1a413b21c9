package io.otcrouter.ledger.booking;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises all bookings of one trade until the end of the current transaction, across threads and service
 * instances. A decision and its legs arrive on different topics, so two listener threads could otherwise each commit
 * their half while neither sees the other's, and the trade would never settle.
 *
 * <p>A batch locks many trades. Every transaction takes its locks in ascending key order, in one statement, so two
 * batches sharing trades wait for each other instead of deadlocking. A key collision only serialises two unrelated
 * trades.
 */
@Component
class TradeLocks {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final JdbcTemplate jdbc;

    TradeLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lock(Collection<String> tradeIds) {
        Long[] keys = tradeIds.stream().map(TradeLocks::key).distinct().sorted().toArray(Long[]::new);
        if (keys.length == 0) {
            return;
        }
        // unnest yields the array in order, and count() consumes it in that order: locks are taken ascending.
        jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("bigint", keys);
            try (var statement = connection.prepareStatement(
                    "select count(pg_advisory_xact_lock(k)) from unnest(?::bigint[]) as t(k)")) {
                statement.setArray(1, array);
                statement.executeQuery().close();
                return null;
            } finally {
                array.free();
            }
        });
    }

    /** 64-bit FNV-1a of the trade id: stable across JVMs and versions (unlike String.hashCode's 32 bits). */
    static long key(String tradeId) {
        long hash = FNV_OFFSET;
        for (byte b : tradeId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
