package io.otcrouter.ledger.booking;

import java.sql.Array;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ids of events already applied. Recording them in the booking transaction makes a redelivery a no-op: its id is
 * already there, so it is dropped before it can touch a trade.
 */
@Component
class ProcessedEvents {

    private final JdbcTemplate jdbc;

    ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the ids in one statement and returns those seen for the first time. */
    Set<String> markFirstDeliveries(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String[] ids = eventIds.toArray(String[]::new);
        return jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("text", ids);
            try (var statement = connection.prepareStatement("insert into processed_event (event_id, processed_at)"
                    + " select e, now() from unnest(?::text[]) as t(e) on conflict (event_id) do nothing"
                    + " returning event_id")) {
                statement.setArray(1, array);
                Set<String> fresh = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
                return fresh;
            } finally {
                array.free();
            }
        });
    }
}
