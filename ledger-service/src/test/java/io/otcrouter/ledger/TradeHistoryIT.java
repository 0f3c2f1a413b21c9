package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The trade history against a real PostgreSQL: filters, keyset paging through the whole ledger in both directions
 * while trades are booked between the pages, and the CSV export of a filtered set. Trades are written straight into
 * the ledger's table (as booking writes them), each test in a time window of its own so other tests' rows never match.
 */
@LedgerIT
@TestPropertySource(properties = ApiKeys.CONFIGURED)
@Import(ConsumedTopics.class)
class TradeHistoryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    private RestClient http;
    private Instant window;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useOwn(registry, "trade_history");
    }

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader(ApiKeys.HEADER, ApiKeys.READ)
                .build();
        // A day of its own per test, far from now and from every other test's.
        window = Instant.parse("2020-01-01T00:00:00Z").plus(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                100_000), ChronoUnit.DAYS);
    }

    @Test
    void shouldFilterByPairRouteStatusTimeRangeClientOrderIdAndSubmitter() {
        String a = insert(row("SOL/USDC", "OTC", "FILLED", window.plusSeconds(10), "desk-a", "api-key:desk"));
        String b = insert(row("SOL/USDC", "DEX", "FAILED", window.plusSeconds(20), "desk-b", "dashboard-user:ada"));
        String c = insert(row("BONK/USDC", "SPLIT", "PARTIALLY_FILLED", window.plusSeconds(30), "desk-c",
                "dashboard-user:ada"));
        String d = insert(row("SOL/USDC", "OTC", "FILLED", window.plusSeconds(40), null, "api-key:desk"));

        assertThat(ids("")).containsExactly(d, c, b, a);
        assertThat(ids("&pair=SOL/USDC")).containsExactly(d, b, a);
        assertThat(ids("&route=OTC")).containsExactly(d, a);
        assertThat(ids("&status=FAILED")).containsExactly(b);
        assertThat(ids("&clientOrderId=desk-c")).containsExactly(c);
        assertThat(ids("&submittedBy=dashboard-user:ada")).containsExactly(c, b);
        assertThat(ids("&pair=SOL/USDC&route=OTC&submittedBy=api-key:desk")).containsExactly(d, a);
        assertThat(history("from=" + window.plusSeconds(20) + "&to=" + window.plusSeconds(40)))
                .extracting(trade -> trade.get("tradeId").asString()).containsExactly(c, b);
    }

    @Test
    void shouldWalkTheWholeLedgerWithoutGapsOrRepeatsWhileTradesAreBookedBetweenPages() {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Pairs of trades decided in the same microsecond: the row id breaks the tie.
            existing.add(insert(row("SOL/USDC", "OTC", "FILLED", window.plusSeconds(1000 + i / 2), "old-" + i,
                    "api-key:desk")));
        }
        Set<String> expected = new HashSet<>(existing);
        List<String> seen = new ArrayList<>();
        List<Instant> seenOrder = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = page("from=" + window + "&to=" + window.plusSeconds(5000) + "&size=7"
                    + (next == null ? "" : "&after=" + next));
            page.get("trades").forEach(trade -> {
                seen.add(trade.get("tradeId").asString());
                seenOrder.add(Instant.parse(trade.get("decidedAt").asString()));
            });
            next = page.get("next").isNull() ? null : page.get("next").asString();
            Instant cursorAt = seenOrder.get(seenOrder.size() - 1);
            // Booked meanwhile: one newer than everything, one among the pages already read (neither is shown to
            // this walk), and one in the part still to come (shown, once).
            insert(row("SOL/USDC", "OTC", "FILLED", window.plusSeconds(4000 + pages), "new-" + pages, "api-key:desk"));
            insert(row("SOL/USDC", "OTC", "FILLED", cursorAt.plusMillis(1), "behind-" + pages, "api-key:desk"));
            if (cursorAt.isAfter(window.plusSeconds(1000))) {
                expected.add(insert(row("SOL/USDC", "OTC", "FILLED", cursorAt.minusMillis(1), "ahead-" + pages,
                        "api-key:desk")));
            }
            pages++;
        } while (next != null && pages < 100);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seenOrder).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(pages).isGreaterThan(8);
    }

    @Test
    void shouldPageBackToTheNewestPageThroughPreviousAsItCameForward() {
        for (int i = 0; i < 23; i++) {
            insert(row("SOL/USDC", "DEX", "FILLED", window.plusSeconds(i), "order-" + i, "api-key:desk"));
        }
        String filter = "from=" + window + "&to=" + window.plusSeconds(60) + "&size=5";
        List<List<String>> forward = new ArrayList<>();
        JsonNode page = page(filter);
        assertThat(page.get("previous").isNull()).as("the newest page has nothing newer").isTrue();
        forward.add(tradeIds(page));
        while (!page.get("next").isNull()) {
            page = page(filter + "&after=" + page.get("next").asString());
            forward.add(tradeIds(page));
        }
        assertThat(forward).hasSize(5);
        assertThat(forward.get(4)).hasSize(3);

        List<List<String>> backward = new ArrayList<>();
        backward.add(tradeIds(page));
        while (!page.get("previous").isNull()) {
            page = page(filter + "&before=" + page.get("previous").asString());
            backward.add(0, tradeIds(page));
        }
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void shouldExportTheWholeFilteredSetAsCsvWithExactAmountsAcrossReadChunks() {
        String bonk = insert(row("BONK/USDC", "OTC", "FILLED", window.plusSeconds(7000), "=HYPERLINK(\"x\")",
                "dashboard-user:ada").amountIn(new BigInteger("123456789012345678901234567890"), 5)
                .outAmount(new BigInteger("1000001"), 6));
        String quoted = insert(row("BONK/USDC", "OTC", "FAILED", window.plusSeconds(6999), "desk,42 \"x\"", null));
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            many.add(row("SOL/USDC", "DEX", "FILLED", window.plusSeconds(i), "bulk-" + i, "api-key:desk").values());
        }
        jdbc.batchUpdate(Row.INSERT, many);

        ResponseEntity<String> csv = http.get().uri("/api/ledger/history.csv?from={from}&to={to}", window,
                window.plusSeconds(8000)).retrieve().toEntity(String.class);

        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("trades.csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("trade_id,client_order_id,submitted_by,decided_at,settled_at,status,route,"
                + "pair,input_symbol,input_mint,input_decimals,output_symbol,output_mint,output_decimals,"
                + "amount_in_atomic,amount_in,");
        assertThat(lines).hasSize(1 + 2 + 1_100);
        assertThat(lines.get(1)).startsWith(bonk + ",\"'=HYPERLINK(\"\"x\"\")\",dashboard-user:ada,"
                + window.plusSeconds(7000) + ",").contains(",123456789012345678901234567890,"
                + "1234567890123456789012345.6789,").contains(",1000001,1.000001,");
        assertThat(lines.get(2)).startsWith(quoted + ",\"desk,42 \"\"x\"\"\",,");
        Set<String> exported = new LinkedHashSet<>(lines.subList(1, lines.size()).stream()
                .map(line -> line.substring(0, line.indexOf(','))).toList());
        assertThat(exported).hasSize(1_102);
        assertThat(csv("status=FAILED&from=" + window + "&to=" + window.plusSeconds(8000)).lines()).hasSize(2);
    }

    @Test
    void shouldAnswerABadFilterOrCursorWithProblemJsonNamingTheParameter() {
        assertProblem("/api/ledger/history?after=not-a-cursor", "after");
        assertProblem("/api/ledger/history?after=" + "MTIzLjQ1Ni43ODk" + "&before=MTIzLjQ1Ni43ODk", "before");
        assertProblem("/api/ledger/history?size=501", "size");
        assertProblem("/api/ledger/history.csv?status=SETTLED", "status");
        assertProblem("/api/ledger/history.csv?size=10", "size");
        assertProblem("/api/ledger/history?clientOrderId=desk%2042", "clientOrderId");

        ResponseEntity<String> anonymous = RestClient.create("http://localhost:" + port).get()
                .uri("/api/ledger/history.csv").retrieve().onStatus(HttpStatusCode::isError, (q, r) -> { })
                .toEntity(String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertProblem(String uri, String parameter) {
        ResponseEntity<String> response = http.get().uri(uri).accept(MediaType.parseMediaType("text/csv"),
                MediaType.APPLICATION_PROBLEM_JSON).retrieve().onStatus(HttpStatusCode::isError, (q, r) -> { })
                .toEntity(String.class);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).as(uri).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody()).get("parameter").asString()).as(uri).isEqualTo(parameter);
    }

    private List<String> ids(String filter) {
        return history("from=" + window + "&to=" + window.plusSeconds(3600) + filter).stream()
                .map(trade -> trade.get("tradeId").asString()).toList();
    }

    private List<JsonNode> history(String query) {
        List<JsonNode> trades = new ArrayList<>();
        page(query).get("trades").forEach(trades::add);
        return trades;
    }

    private JsonNode page(String query) {
        return JSON.readTree(http.get().uri("/api/ledger/history?" + query).retrieve().body(String.class));
    }

    private String csv(String query) {
        return http.get().uri("/api/ledger/history.csv?" + query).retrieve().body(String.class);
    }

    private static List<String> tradeIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("trades").forEach(trade -> ids.add(trade.get("tradeId").asString()));
        return ids;
    }

    private String insert(Row row) {
        jdbc.update(Row.INSERT, row.values());
        return row.tradeId();
    }

    private static Row row(String pair, String route, String status, Instant decidedAt, String clientOrderId,
            String submittedBy) {
        return new Row("trade-" + UUID.randomUUID(), pair, route, status, decidedAt, clientOrderId, submittedBy,
                BigInteger.valueOf(1_000_000_000_000L), 9, BigInteger.valueOf(149_625_000_000L), 6);
    }

    /** One row of the trade table as booking writes a settled trade, with what these tests vary. */
    private record Row(String tradeId, String pair, String route, String status, Instant decidedAt,
            String clientOrderId, String submittedBy, BigInteger amountIn, int inputDecimals, BigInteger outAmount,
            int outputDecimals) {

        static final String INSERT = "insert into trade (id, trade_id, client_order_id, submitted_by, route, status,"
                + " pair, input_symbol, input_mint, input_decimals, output_symbol, output_mint, output_decimals,"
                + " amount_in, filled_in_amount, out_amount, expected_out_amount, execution_price, saving_usd,"
                + " legs_expected, decided_at, settled_at, version, revision)"
                + " values (nextval('trade_seq'), ?, ?, ?, ?, ?, ?, ?, 'mint-in', ?, 'USDC', 'mint-out', ?, ?, ?, ?, ?,"
                + " 149.625, 375.5, 1, ?, ?, 1, 1)";

        Row amountIn(BigInteger amount, int decimals) {
            return new Row(tradeId, pair, route, status, decidedAt, clientOrderId, submittedBy, amount, decimals,
                    outAmount, outputDecimals);
        }

        Row outAmount(BigInteger amount, int decimals) {
            return new Row(tradeId, pair, route, status, decidedAt, clientOrderId, submittedBy, amountIn,
                    inputDecimals, amount, decimals);
        }

        Object[] values() {
            Function<Instant, OffsetDateTime> at = instant -> instant.atOffset(ZoneOffset.UTC);
            return new Object[] {tradeId, clientOrderId, submittedBy, route, status, pair, pair.split("/")[0],
                    inputDecimals, outputDecimals, amountIn, amountIn, outAmount, outAmount, at.apply(decidedAt),
                    at.apply(decidedAt.plusSeconds(1))};
        }
    }
}
