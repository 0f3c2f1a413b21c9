package io.otcrouter.otcpool.support;

import java.math.BigInteger;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads pool and fill rows straight from the database, as the tests' independent witness. */
public final class PoolRows {

    private final JdbcTemplate jdbc;

    public PoolRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** base, quote, reserved base, reserved quote (atomic). */
    public BigInteger[] inventory(String poolId) {
        return jdbc.queryForObject("""
                select base_inventory, quote_inventory, reserved_base_inventory, reserved_quote_inventory
                from otc_pool.pool where id = ?""", (rs, n) -> new BigInteger[] {
                rs.getBigDecimal(1).toBigIntegerExact(), rs.getBigDecimal(2).toBigIntegerExact(),
                rs.getBigDecimal(3).toBigIntegerExact(), rs.getBigDecimal(4).toBigIntegerExact() }, poolId);
    }

    public List<Fill> fills(String poolId) {
        return jdbc.query("select trade_id, status, in_amount, out_amount, reason, reserved from otc_pool.pool_fill"
                + " where pool_id = ?", (rs, n) -> new Fill(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3).toBigIntegerExact(), rs.getBigDecimal(4).toBigIntegerExact(),
                        rs.getString(5), rs.getBoolean(6)), poolId);
    }

    public record Fill(String tradeId, String status, BigInteger in, BigInteger out, String reason,
            boolean reserved) {
    }
}
