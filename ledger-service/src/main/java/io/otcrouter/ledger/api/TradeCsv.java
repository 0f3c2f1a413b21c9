package io.otcrouter.ledger.api;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Trades as CSV (RFC 4180, UTF-8, a header row), written row by row to a stream. Amounts appear twice, exact: in
 * atomic units and in token units as a plain decimal string; prices, USD values, bps and percentages as the ledger
 * stores them, never through a double. Times are ISO-8601 UTC.
 *
 * <p>The free-text columns (client order id, who submitted it) get a leading apostrophe when they begin with a
 * character a spreadsheet takes for a formula ({@code = + - @}, tab, carriage return), as OWASP advises for CSV
 * meant for spreadsheets: a value of the ledger never runs as a formula on a desk's machine.
 */
final class TradeCsv implements AutoCloseable {

    static final List<String> COLUMNS = List.of("trade_id", "client_order_id", "submitted_by", "decided_at",
            "settled_at", "status", "route", "pair", "input_symbol", "input_mint", "input_decimals", "output_symbol",
            "output_mint", "output_decimals", "amount_in_atomic", "amount_in", "filled_in_atomic", "filled_in",
            "out_amount_atomic", "out_amount", "expected_out_atomic", "expected_out", "dex_baseline_out_atomic",
            "dex_baseline_out", "saving_out_atomic", "saving_out", "saving_usd", "volume_usd", "execution_price",
            "slippage_vs_quote_bps", "shortfall_vs_arrival_bps", "jupiter_price_impact_pct", "revision");
    /** Quotes a value only when it needs it (a comma, a quote, a line break), however long it is. */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .setUseHeader(true).build();

    private final SequenceWriter rows;

    private TradeCsv(SequenceWriter rows) {
        this.rows = rows;
    }

    /** Writes the header row; closing the writer closes {@code out}. */
    static TradeCsv open(OutputStream out) {
        return new TradeCsv(MAPPER.writer(SCHEMA).writeValues(out));
    }

    void write(TradeView t) {
        rows.write(Arrays.asList(t.tradeId(), text(t.clientOrderId()), text(t.submittedBy()), instant(t.decidedAt()),
                instant(t.settledAt()), t.status(), t.route(), t.pair(), t.inputSymbol(), t.inputMint(),
                Integer.toString(t.inputDecimals()), t.outputSymbol(), t.outputMint(),
                Integer.toString(t.outputDecimals()), atomic(t.amountIn()), units(t.amountIn()),
                atomic(t.filledInAmount()), units(t.filledInAmount()), atomic(t.outAmount()), units(t.outAmount()),
                atomic(t.expectedOutAmount()), units(t.expectedOutAmount()), atomic(t.dexBaselineOutAmount()),
                units(t.dexBaselineOutAmount()), atomic(t.savingOutAmount()), units(t.savingOutAmount()),
                t.savingUsd(), t.volumeUsd(), t.executionPrice(), t.slippageVsQuoteBps(), t.shortfallVsArrivalBps(),
                t.jupiterPriceImpactPct(), Integer.toString(t.revision())));
    }

    void flush() {
        rows.flush();
    }

    @Override
    public void close() {
        rows.close();
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String instant(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String atomic(AmountView amount) {
        return amount == null ? null : amount.atomic();
    }

    private static String units(AmountView amount) {
        return amount == null ? null : amount.units();
    }
}
