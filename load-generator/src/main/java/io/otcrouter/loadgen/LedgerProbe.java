package io.otcrouter.loadgen;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the ledger's rows for one run straight from PostgreSQL (schema {@code ledger}). */
final class LedgerProbe {

    /** Ledger rows of the run, split by what the client was told. */
    record Counts(long allOfRun, long settledOfRun, long ofAccepted, long settledOfAccepted, long ofRejected,
            long duplicatesPerTradeId, long duplicatesPerClientOrderId, Map<String, Long> byStatus) {
    }

    private final String url;
    private final String user;
    private final String password;

    LedgerProbe(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Counts counts(String orderPrefix, Collection<String> acceptedIds, Collection<String> rejectedIds)
            throws SQLException {
        try (Connection connection = connect()) {
            Array accepted = connection.createArrayOf("text", acceptedIds.toArray());
            Array rejected = connection.createArrayOf("text", rejectedIds.toArray());
            long all;
            long settledAll;
            long ofAccepted;
            long settledOfAccepted;
            long ofRejected;
            try (PreparedStatement statement = connection.prepareStatement("""
                    select count(*),
                           count(*) filter (where status <> 'PENDING'),
                           count(*) filter (where trade_id = any(?)),
                           count(*) filter (where trade_id = any(?) and status <> 'PENDING'),
                           count(*) filter (where trade_id = any(?))
                    from ledger.trade where left(client_order_id, ?) = ?""")) {
                statement.setArray(1, accepted);
                statement.setArray(2, accepted);
                statement.setArray(3, rejected);
                statement.setInt(4, orderPrefix.length());
                statement.setString(5, orderPrefix);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    all = rs.getLong(1);
                    settledAll = rs.getLong(2);
                    ofAccepted = rs.getLong(3);
                    settledOfAccepted = rs.getLong(4);
                    ofRejected = rs.getLong(5);
                }
            }
            long perTrade = scalar(connection, """
                    select coalesce(sum(n - 1), 0) from (select count(*) n from ledger.trade
                    where left(client_order_id, ?) = ? group by trade_id having count(*) > 1) d""", orderPrefix);
            long perOrder = scalar(connection, """
                    select coalesce(sum(n - 1), 0) from (select count(*) n from ledger.trade
                    where left(client_order_id, ?) = ? group by client_order_id having count(*) > 1) d""",
                    orderPrefix);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select status, count(*) from ledger.trade where left(client_order_id, ?) = ?
                    group by status order by status""")) {
                statement.setInt(1, orderPrefix.length());
                statement.setString(2, orderPrefix);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Counts(all, settledAll, ofAccepted, settledOfAccepted, ofRejected, perTrade, perOrder,
                    byStatus);
        }
    }

    private static long scalar(Connection connection, String sql, String orderPrefix) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, orderPrefix.length());
            statement.setString(2, orderPrefix);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
