package io.otcrouter.ledger.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes the rows of one table that are past their retention, in batches: each batch is one short statement of its
 * own (no long lock, no huge transaction), and one run does at most a bounded number of them. Rows deleted are
 * counted in {@code otc.retention.purged{table=...}}.
 *
 * @param deleteBatch a delete of at most {@code ?2} rows older than {@code ?1}, oldest first along an index
 */
record RowPurge(String table, String deleteBatch, Duration retention, Counter purged) {

    static RowPurge of(String table, String deleteBatch, Duration retention, MeterRegistry registry) {
        return new RowPurge(table, deleteBatch, retention, Counter.builder("otc.retention.purged").tag("table", table)
                .description("Rows deleted after their retention").register(registry));
    }

    /** @return rows deleted, at most {@code batchSize * maxBatches} */
    int run(JdbcTemplate jdbc, Instant now, int batchSize, int maxBatches) {
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC);
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = jdbc.update(deleteBatch, before, batchSize);
            purged.increment(deleted);
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }
}
