package io.otcrouter.loadgen;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that the OTC pools' inventory moved exactly by their fills: between two snapshots (each taken in one
 * repeatable-read transaction) every pool's base and quote inventory must change by the sum of its FILLED
 * {@code pool_fill}s (client sells base: base += in, quote -= out; client buys base: quote += in, base -= out).
 * After the run it also checks that what the pools hold for firm quotes equals their live reservations, that no
 * fill of the run is still PENDING, and that every filled OTC leg is booked in the ledger with the same amounts.
 */
final class PoolAudit {

    /** One pool's inventory and the running sums of its fills, in atomic units. */
    record PoolState(BigInteger base, BigInteger quote, BigInteger fillBase, BigInteger fillQuote, long fills) {
    }

    static final String SNAPSHOT_SQL = """
            select p.id, p.base_inventory, p.quote_inventory,
                   coalesce(sum(case when f.side = 'SELL_BASE' then f.in_amount else -f.out_amount end), 0),
                   coalesce(sum(case when f.side = 'SELL_BASE' then -f.out_amount else f.in_amount end), 0),
                   count(f.id)
            from otc_pool.pool p left join otc_pool.pool_fill f on f.pool_id = p.id and f.status = 'FILLED'
            group by p.id, p.base_inventory, p.quote_inventory order by p.id""";

    private PoolAudit() {
    }

    /** The pools' state now, read through the ledger probe's connection. */
    static Map<String, PoolState> snapshot(LedgerProbe ledger) throws SQLException {
        try (Connection connection = ledger.connect()) {
            return snapshot(connection);
        }
    }

    /** {@link #compare} of {@code before} with the pools now, then {@link #endState} of the run's fills. */
    static List<String> audit(LedgerProbe ledger, String prefix, Map<String, PoolState> before) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Connection connection = ledger.connect()) {
            violations.addAll(compare(before, snapshot(connection)));
            violations.addAll(endState(connection, prefix));
        }
        return violations;
    }

    /** The run's fills still pending; 0 when the database cannot be read (the drain then does not wait for them). */
    static long pendingFills(LedgerProbe ledger, String prefix) {
        try (Connection connection = ledger.connect()) {
            return pendingFills(connection, prefix);
        } catch (Exception e) {
            return 0;
        }
    }

    static Map<String, PoolState> snapshot(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (PreparedStatement statement = connection.prepareStatement(SNAPSHOT_SQL);
             ResultSet rs = statement.executeQuery()) {
            Map<String, PoolState> pools = new LinkedHashMap<>();
            while (rs.next()) {
                pools.put(rs.getString(1), new PoolState(big(rs, 2), big(rs, 3), big(rs, 4), big(rs, 5), rs.getLong(6)));
            }
            connection.commit();
            return pools;
        } finally {
            connection.setAutoCommit(autoCommit);
            connection.setTransactionIsolation(isolation);
        }
    }

    /** Pools whose inventory did not move by exactly their fills between {@code before} and {@code after}. */
    static List<String> compare(Map<String, PoolState> before, Map<String, PoolState> after) {
        List<String> violations = new ArrayList<>();
        for (String id : new TreeSet<>(after.keySet())) {
            PoolState end = after.get(id);
            PoolState start = before.getOrDefault(id,
                    new PoolState(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0));
            BigInteger baseMoved = end.base().subtract(start.base());
            BigInteger quoteMoved = end.quote().subtract(start.quote());
            BigInteger baseFilled = end.fillBase().subtract(start.fillBase());
            BigInteger quoteFilled = end.fillQuote().subtract(start.fillQuote());
            if (!baseMoved.equals(baseFilled)) {
                violations.add("pool " + id + ": base inventory moved by " + baseMoved + ", its "
                        + (end.fills() - start.fills()) + " fills by " + baseFilled);
            }
            if (!quoteMoved.equals(quoteFilled)) {
                violations.add("pool " + id + ": quote inventory moved by " + quoteMoved + ", its "
                        + (end.fills() - start.fills()) + " fills by " + quoteFilled);
            }
            if (end.base().signum() < 0 || end.quote().signum() < 0) {
                violations.add("pool " + id + ": negative inventory");
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                violations.add("pool " + id + " disappeared");
            }
        }
        return violations;
    }

    /** The checks that need only the end state; {@code orderPrefix} selects the run's trades in the ledger. */
    static List<String> endState(Connection connection, String orderPrefix) throws SQLException {
        List<String> violations = new ArrayList<>();
        long heldWrong = count(connection, """
                select count(*) from otc_pool.pool p where
                  p.reserved_base_inventory <> coalesce((select sum(r.out_amount) from otc_pool.reservation r
                      where r.pool_id = p.id and r.side = 'BUY_BASE' and r.status in ('RESERVED', 'CLAIMED')), 0)
                  or p.reserved_quote_inventory <> coalesce((select sum(r.out_amount) from otc_pool.reservation r
                      where r.pool_id = p.id and r.side = 'SELL_BASE' and r.status in ('RESERVED', 'CLAIMED')), 0)""",
                null);
        if (heldWrong > 0) {
            violations.add(heldWrong + " pools hold for firm quotes an amount different from their live reservations");
        }
        long pending = count(connection, """
                select count(*) from otc_pool.pool_fill f join ledger.trade t on t.trade_id = f.trade_id
                where left(t.client_order_id, ?) = ? and f.status = 'PENDING'""", orderPrefix);
        if (pending > 0) {
            violations.add(pending + " OTC fills of this run still PENDING");
        }
        long unbooked = count(connection, """
                select count(*) from otc_pool.pool_fill f join ledger.trade t on t.trade_id = f.trade_id
                left join ledger.trade_leg l on l.trade_id = f.trade_id and l.leg_id = f.leg_id
                where left(t.client_order_id, ?) = ? and f.status = 'FILLED'
                  and (l.id is null or l.status <> 'FILLED' or l.in_amount <> f.in_amount
                       or l.out_amount <> f.out_amount)""", orderPrefix);
        if (unbooked > 0) {
            violations.add(unbooked + " filled OTC legs of this run missing or different in the ledger");
        }
        long phantom = count(connection, """
                select count(*) from ledger.trade_leg l join ledger.trade t on t.trade_id = l.trade_id
                left join otc_pool.pool_fill f on f.trade_id = l.trade_id and f.leg_id = l.leg_id
                where left(t.client_order_id, ?) = ? and l.venue = 'OTC' and l.status = 'FILLED'
                  and (f.id is null or f.status <> 'FILLED')""", orderPrefix);
        if (phantom > 0) {
            violations.add(phantom + " OTC legs the ledger booked as FILLED without a pool fill");
        }
        return violations;
    }

    static long pendingFills(Connection connection, String orderPrefix) throws SQLException {
        return count(connection, """
                select count(*) from otc_pool.pool_fill f join ledger.trade t on t.trade_id = f.trade_id
                where left(t.client_order_id, ?) = ? and f.status = 'PENDING'""", orderPrefix);
    }

    private static long count(Connection connection, String sql, String orderPrefix) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (orderPrefix != null) {
                statement.setInt(1, orderPrefix.length());
                statement.setString(2, orderPrefix);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static BigInteger big(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }
}
