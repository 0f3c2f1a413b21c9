package io.otcrouter.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's tables as sorted JSON rows, without what is not a fact about trades: surrogate ids, optimistic-lock
 * versions and the bookkeeping times of trade, processed_event and outbox (when a decision was booked, a row written
 * or relayed).
 */
final class LedgerTables {

    private static final Map<String, String> ROWS = Map.of(
            "trade", "to_jsonb(t) - 'id' - 'version' - 'booked_at'",
            "trade_leg", "to_jsonb(t) - 'id'",
            "decided_leg", "to_jsonb(t) - 'id'",
            "system_metrics", "to_jsonb(t) - 'id'",
            "processed_event", "to_jsonb(t) - 'processed_at'",
            "outbox", "to_jsonb(t) - 'id' - 'created_at' - 'published_at'");
    private static final Map<String, String> TRADE_COLUMN = Map.of("trade", "trade_id", "trade_leg", "trade_id",
            "decided_leg", "trade_id", "system_metrics", "trade_id", "outbox", "message_key");

    private LedgerTables() {
    }

    /** Every row of every table. */
    static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        ROWS.forEach((table, row) -> tables.put(table,
                jdbc.queryForList("select (" + row + ")::text from " + table + " t order by 1", String.class)));
        return tables;
    }

    /** The rows of these trades and these event ids only. */
    static Map<String, List<String>> snapshot(JdbcTemplate jdbc, Collection<String> tradeIds,
            Collection<String> eventIds) {
        Map<String, List<String>> tables = new TreeMap<>();
        ROWS.forEach((table, row) -> {
            String column = TRADE_COLUMN.getOrDefault(table, "event_id");
            String[] ids = (column.equals("event_id") ? eventIds : tradeIds).toArray(String[]::new);
            tables.put(table, jdbc.queryForList("select (" + row + ")::text from " + table + " t where " + column
                    + " = any(?) order by 1", String.class, (Object) ids));
        });
        return tables;
    }
}
