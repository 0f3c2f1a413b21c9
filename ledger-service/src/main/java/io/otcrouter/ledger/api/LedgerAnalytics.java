package io.otcrouter.ledger.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.ledger.api.LedgerAnalyticsView.DailySavings;
import io.otcrouter.ledger.api.LedgerAnalyticsView.RouteShare;
import io.otcrouter.ledger.api.LedgerAnalyticsView.SizeBracket;
import io.otcrouter.ledger.api.LedgerAnalyticsView.SizeSlippagePoint;
import io.otcrouter.ledger.api.LedgerStatsView.PeriodStats;
import io.otcrouter.ledger.api.LedgerStatsView.RouteStats;

/**
 * Statistics and analytics, aggregated in PostgreSQL over the trade table (numeric all the way, so sums are exact),
 * formatted here at fixed scales. Slippage is stored in bps and Jupiter's impact as a fraction; both leave as percent.
 */
@Service
@Transactional(readOnly = true)
class LedgerAnalytics {

    static final int DAYS = 30;
    private static final String TRADED = "status in ('FILLED', 'PARTIALLY_FILLED')";
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Size brackets in USD, lower bounds inclusive. */
    private static final List<BigDecimal> BRACKETS = List.of(BigDecimal.ZERO, new BigDecimal("1000"),
            new BigDecimal("10000"), new BigDecimal("100000"), new BigDecimal("1000000"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    LedgerAnalytics(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LedgerStatsView stats() {
        MapSqlParameterSource today = new MapSqlParameterSource("since", startOfDay(LocalDate.now(clock)));
        return jdbc.queryForObject("""
                select count(*) filter (where status <> 'PENDING') as settled,
                       count(*) filter (where status = 'FILLED') as filled,
                       count(*) filter (where status = 'PARTIALLY_FILLED') as partial,
                       count(*) filter (where status = 'FAILED') as failed,
                       count(*) filter (where status = 'PENDING') as pending,
                       coalesce(sum(volume_usd) filter (where %1$s), 0) as volume,
                       coalesce(sum(saving_usd) filter (where %1$s), 0) as savings,
                       avg(saving_usd) filter (where %1$s) as avg_saving,
                       avg(slippage_vs_quote_bps) filter (where %1$s) / 100 as avg_slippage_pct,
                       avg(jupiter_price_impact_pct) filter (where %1$s) * 100 as avg_jupiter_pct,
                       count(*) filter (where %1$s and route in ('OTC', 'SPLIT')) as otc,
                       count(*) filter (where %1$s and route in ('OTC', 'SPLIT', 'DEX')) as routed
                from trade""".formatted(TRADED), new MapSqlParameterSource(),
                (rs, row) -> new LedgerStatsView(rs.getLong("settled"), rs.getLong("filled"), rs.getLong("partial"),
                        rs.getLong("failed"), rs.getLong("pending"), usd(rs.getBigDecimal("volume")),
                        usd(rs.getBigDecimal("savings")), usd(rs.getBigDecimal("avg_saving")),
                        pct(rs.getBigDecimal("avg_slippage_pct")), pct(rs.getBigDecimal("avg_jupiter_pct")),
                        share(rs.getLong("otc"), rs.getLong("routed")), byRoute(), today(today)));
    }

    LedgerAnalyticsView analytics() {
        Map<String, BigDecimal> shares = jdbc.queryForObject("""
                select count(*) as traded,
                       count(*) filter (where slippage_vs_quote_bps > 100) as slippage_above,
                       count(*) filter (where jupiter_price_impact_pct > 0.01) as impact_above
                from trade where %s""".formatted(TRADED), new MapSqlParameterSource(), (rs, row) -> Map.of(
                "traded", rs.getBigDecimal("traded"), "slippage", rs.getBigDecimal("slippage_above"),
                "impact", rs.getBigDecimal("impact_above")));
        long traded = shares.get("traded").longValue();
        return new LedgerAnalyticsView(routeDistribution(), dailySavings(), savingsBySize(), sizeVsSlippage(),
                share(shares.get("slippage").longValue(), traded), share(shares.get("impact").longValue(), traded));
    }

    private List<RouteStats> byRoute() {
        return jdbc.query("""
                select route, count(*) as trades, coalesce(sum(volume_usd) filter (where %1$s), 0) as volume,
                       coalesce(sum(saving_usd) filter (where %1$s), 0) as savings
                from trade where status <> 'PENDING' group by route order by route""".formatted(TRADED),
                (rs, row) -> new RouteStats(rs.getString("route"), rs.getLong("trades"),
                        usd(rs.getBigDecimal("volume")), usd(rs.getBigDecimal("savings"))));
    }

    private PeriodStats today(MapSqlParameterSource since) {
        return jdbc.queryForObject("""
                select count(*) as trades, coalesce(sum(volume_usd) filter (where %1$s), 0) as volume,
                       coalesce(sum(saving_usd) filter (where %1$s), 0) as savings
                from trade where status <> 'PENDING' and settled_at >= :since""".formatted(TRADED), since,
                (rs, row) -> new PeriodStats(rs.getLong("trades"), usd(rs.getBigDecimal("volume")),
                        usd(rs.getBigDecimal("savings"))));
    }

    private List<RouteShare> routeDistribution() {
        return jdbc.query("""
                select route, count(*) as trades, coalesce(sum(volume_usd), 0) as volume,
                       sum(count(*)) over () as all_trades, sum(coalesce(sum(volume_usd), 0)) over () as all_volume
                from trade where %s group by route order by route""".formatted(TRADED),
                (rs, row) -> new RouteShare(rs.getString("route"), rs.getLong("trades"),
                        usd(rs.getBigDecimal("volume")), ratioPct(rs.getBigDecimal("trades"),
                        rs.getBigDecimal("all_trades")), ratioPct(rs.getBigDecimal("volume"),
                        rs.getBigDecimal("all_volume"))));
    }

    private List<DailySavings> dailySavings() {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, DailySavings> byDay = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            byDay.put(day, new DailySavings(day, 0, usd(BigDecimal.ZERO)));
        }
        jdbc.query("""
                select cast(settled_at at time zone 'UTC' as date) as day, count(*) as trades,
                       coalesce(sum(saving_usd), 0) as savings
                from trade where %s and settled_at >= :since group by 1""".formatted(TRADED),
                new MapSqlParameterSource("since", startOfDay(first)), (ResultSet rs) -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    DailySavings savings = new DailySavings(day, rs.getLong("trades"),
                            usd(rs.getBigDecimal("savings")));
                    byDay.computeIfPresent(day, (d, empty) -> savings);
                });
        return List.copyOf(byDay.values());
    }

    private List<SizeBracket> savingsBySize() {
        List<SizeBracket> brackets = new ArrayList<>();
        for (int i = 0; i < BRACKETS.size(); i++) {
            BigDecimal min = BRACKETS.get(i);
            BigDecimal max = i + 1 < BRACKETS.size() ? BRACKETS.get(i + 1) : null;
            MapSqlParameterSource range = new MapSqlParameterSource("min", min).addValue("max", max);
            brackets.add(jdbc.queryForObject("""
                    select count(*) as trades, coalesce(sum(saving_usd), 0) as savings, avg(saving_usd) as average
                    from trade where %s and volume_usd >= :min %s
                    """.formatted(TRADED, max == null ? "" : "and volume_usd < :max"), range, (rs, row) -> new SizeBracket(label(min, max),
                    min.toPlainString(), max == null ? null : max.toPlainString(), rs.getLong("trades"),
                    usd(rs.getBigDecimal("savings")), usd(rs.getBigDecimal("average")))));
        }
        return brackets;
    }

    private List<SizeSlippagePoint> sizeVsSlippage() {
        return jdbc.query("""
                select trade_id, route, volume_usd, slippage_vs_quote_bps / 100 as slippage_pct,
                       jupiter_price_impact_pct * 100 as jupiter_pct
                from trade where %s and volume_usd is not null order by settled_at desc, id desc limit 500
                """.formatted(TRADED), (rs, row) -> new SizeSlippagePoint(rs.getString("trade_id"),
                rs.getString("route"), usd(rs.getBigDecimal("volume_usd")), pct(rs.getBigDecimal("slippage_pct")),
                pct(rs.getBigDecimal("jupiter_pct"))));
    }

    private static String label(BigDecimal min, BigDecimal max) {
        return max == null ? "≥ $" + min.toPlainString() : "$" + min.toPlainString() + " – $" + max.toPlainString();
    }

    private static Timestamp startOfDay(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String share(long part, long whole) {
        return ratioPct(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static String ratioPct(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return pct(part.multiply(HUNDRED).divide(whole, MC));
    }

    private static String usd(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pct(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
