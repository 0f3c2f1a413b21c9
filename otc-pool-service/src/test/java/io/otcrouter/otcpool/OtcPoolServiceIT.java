package io.otcrouter.otcpool;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.otcpool.support.Events.SOL_USDC_POOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.api.PoolView;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.testsupport.kafka.TopicReader;

class OtcPoolServiceIT extends OtcPoolIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 1,000 SOL at $150 less 25 bps, in micro-USDC. */
    private static final BigInteger OUT_FOR_1000_SOL = new BigInteger("149625000000");

    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private ReferencePrices prices;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;
    @LocalServerPort
    private int port;

    private TopicReader<byte[]> collector;

    @BeforeEach
    void seedReferencePrices() {
        collector = TopicReader.bytes(brokers, List.of(Topics.POOLS_QUOTED.name(), Topics.POOLS_EXECUTED.name(),
                Topics.POOLS_CHANGED.name(), Topics.QUOTES_REQUESTED.deadLetterTopic(),
                Topics.ROUTES_DECIDED.deadLetterTopic()));
        kafka.send(Topics.PRICES_UPDATED.name(), SOL.symbol(), Events.price(SOL, "150"));
        kafka.send(Topics.PRICES_UPDATED.name(), USDC.symbol(), Events.price(USDC, "1"));
        kafka.send(Topics.PRICES_UPDATED.name(), USDT.symbol(), Events.price(USDT, "1"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(prices.usdPrice(SOL.mint())).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("150"));
            assertThat(prices.usdPrice(USDC.mint())).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1"));
            assertThat(prices.usdPrice(USDT.mint())).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1"));
        });
    }

    @AfterEach
    void closeCollector() {
        collector.close();
    }

    @Test
    void shouldQuote1000SolFromTheSolUsdcPoolAtTheReferencePriceLessTheSpread() {
        QuoteRequested request = Events.quoteRequest(SOL, USDC, "1000");

        kafka.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request);

        PoolQuoted quote = awaitOne(Topics.POOLS_QUOTED.name(), PoolQuoted.class,
                q -> q.getRequestId().equals(request.getRequestId()));
        assertThat(quote.getStatus()).isEqualTo(PoolQuoteStatus.QUOTED);
        assertThat(quote.getPoolId()).isEqualTo(SOL_USDC_POOL);
        assertThat(quote.getPair()).isEqualTo("SOL/USDC");
        assertThat(quote.getOutAmount().toBigIntegerExact()).isEqualTo(OUT_FOR_1000_SOL);
        assertThat(quote.getPrice()).isEqualByComparingTo("149.625");
        assertThat(quote.getSpreadBps()).isEqualTo(25);
        assertThat(quote.getPoolsInReply()).isEqualTo(1);
        assertThat(quote.getQuoteId()).isNotBlank();
        assertThat(quote.getExpiresAt()).isEqualTo(quote.getOccurredAt().plusSeconds(10));
        assertThat(quote.getMinInAmount().toBigIntegerExact()).isEqualTo(SOL.toAtomic(new BigDecimal("100")));
        assertThat(quote.getMaxInAmount().toBigIntegerExact()).isEqualTo(SOL.toAtomic(new BigDecimal("5000")));
        // Sent from the listener thread: the trade id comes from the logging context the record interceptor set.
        assertThat(tradeIdHeaders(Topics.POOLS_QUOTED.name(), request.getPair()))
                .contains(request.getTradeId());
    }

    @Test
    void shouldAnswerNoPoolOnceWhenNoPoolServesThePair() {
        QuoteRequested request = Events.quoteRequest(USDC, USDT, "10000");

        kafka.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request);

        PoolQuoted quote = awaitOne(Topics.POOLS_QUOTED.name(), PoolQuoted.class,
                q -> q.getRequestId().equals(request.getRequestId()));
        assertThat(quote.getStatus()).isEqualTo(PoolQuoteStatus.NO_POOL);
        assertThat(quote.getPoolId()).isNull();
        assertThat(quote.getPoolsInReply()).isEqualTo(1);
        assertThat(quote.getReason()).contains("USDC/USDT");
    }

    @Test
    void shouldFillAnOtcLegOnceAndMoveInventoryEvenWhenTheDecisionIsRedelivered() {
        BigInteger[] before = inventory(SOL_USDC_POOL);
        RouteDecided decision = Events.otcDecision("1000", new BigInteger("149000000000"));

        kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);

        LegExecuted executed = awaitOne(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(decision.getTradeId()));
        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getFillId()).matches("otc-fill-[0-9]+");
        assertThat(executed.getPoolId()).isEqualTo(SOL_USDC_POOL);
        assertThat(executed.getOutAmount().toBigIntegerExact()).isEqualTo(OUT_FOR_1000_SOL);
        assertThat(tradeIdHeaders(Topics.POOLS_EXECUTED.name(), decision.getTradeId()))
                .containsOnly(decision.getTradeId());
        BigInteger[] after = inventory(SOL_USDC_POOL);
        assertThat(after[0]).isEqualTo(before[0].add(SOL.toAtomic(new BigDecimal("1000"))));
        assertThat(after[1]).isEqualTo(before[1].subtract(OUT_FOR_1000_SOL));
        PoolStateChanged state = awaitOne(Topics.POOLS_CHANGED.name(), PoolStateChanged.class,
                s -> s.getChange().equals("FILL") && s.getBaseInventory().toBigIntegerExact().equals(after[0]));
        assertThat(state.getQuoteInventory().toBigIntegerExact()).isEqualTo(after[1]);

        // The same decision again, then a sentinel behind it on the same single partition.
        kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
        RouteDecided sentinel = Events.otcDecision("1000", new BigInteger("999999000000"));
        kafka.send(Topics.ROUTES_DECIDED.name(), sentinel.getTradeId(), sentinel);

        LegExecuted rejected = awaitOne(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(sentinel.getTradeId()));
        assertThat(rejected.getStatus()).isEqualTo(LegStatus.REJECTED);
        assertThat(rejected.getReason()).contains("below the leg minimum");
        assertThat(rejected.getOutAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(jdbc.queryForObject("select count(*) from otc_pool.pool_fill where trade_id = ?", Long.class,
                decision.getTradeId())).isEqualTo(1L);
        assertThat(inventory(SOL_USDC_POOL)).containsExactly(after);
        assertThat(collector.events(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(decision.getTradeId()))).hasSize(1);
    }

    @Test
    void shouldAnnounceEveryPoolAtStartUp() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(collector.events(Topics.POOLS_CHANGED.name(),
                PoolStateChanged.class, s -> s.getChange().equals("STARTUP")))
                .extracting(PoolStateChanged::getPoolId)
                .contains("sol-usdc-main", "sol-usdt-main"));
    }

    @Test
    void shouldSendAnUndecodableQuoteRequestToTheDeadLetterTopic() {
        byte[] garbage = ("not avro " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

        kafka.send(Topics.QUOTES_REQUESTED.name(), "SOL/USDC", garbage);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                collector.values(Topics.QUOTES_REQUESTED.deadLetterTopic())).contains(garbage));
    }

    @Test
    void shouldSendADecisionWhoseLegSellsNothingToTheDeadLetterTopicAndFillTheNextDecision() {
        RouteDecided valid = Events.otcDecision("1000", new BigInteger("149000000000"));
        RouteLeg nothing = RouteLeg.newBuilder(valid.getLegs().get(0)).setInAmount(BigDecimal.ZERO).build();
        RouteDecided invalid = RouteDecided.newBuilder(Events.otcDecision("1000", BigInteger.ONE))
                .setLegs(List.of(nothing)).build();

        kafka.send(Topics.ROUTES_DECIDED.name(), invalid.getTradeId(), invalid);
        kafka.send(Topics.ROUTES_DECIDED.name(), valid.getTradeId(), valid);

        assertThat(awaitOne(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(valid.getTradeId())).getStatus()).isEqualTo(LegStatus.FILLED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                collector.recordsWithKey(Topics.ROUTES_DECIDED.deadLetterTopic(), invalid.getTradeId())).hasSize(1));
        assertThat(jdbc.queryForObject("select count(*) from otc_pool.pool_fill where trade_id = ?", Long.class,
                invalid.getTradeId())).isZero();
    }

    @Test
    void shouldListThePoolsWithInventoryInTokenUnits() {
        RestClient http = RestClient.create("http://localhost:" + port);

        PoolView[] pools = http.get().uri("/api/pools").header(ApiKeys.HEADER, ApiKeys.READ).retrieve()
                .body(PoolView[].class);

        // Other tests create pools of their own in the same database: look for the seeded ones by id.
        assertThat(pools).extracting(PoolView::id).contains("sol-usdc-main", "sol-usdt-main");
        PoolView usdt = Arrays.stream(pools).filter(p -> p.id().equals("sol-usdt-main")).findFirst()
                .orElseThrow();
        assertThat(usdt.pair()).isEqualTo("SOL/USDT");
        assertThat(usdt.initialBaseInventory()).isEqualTo("25000");
        assertThat(usdt.spreadBps()).isEqualTo(35);
        assertThat(usdt.minTradeBase()).isEqualTo("250");
        assertThat(usdt.maxTradeBase()).isEqualTo("2500");
        HttpStatusCode missing = http.get().uri("/api/pools/nope").header(ApiKeys.HEADER, ApiKeys.READ)
                .exchange((req, res) -> {
                    assertThat(res.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    return res.getStatusCode();
                });
        assertThat(missing.value()).isEqualTo(404);
    }

    @Test
    void shouldExposeQuoteFillInventoryOutboxAndConsumerLagMetricsToPrometheus() {
        QuoteRequested request = Events.quoteRequest(SOL, USDC, "1000");
        kafka.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request);
        awaitOne(Topics.POOLS_QUOTED.name(), PoolQuoted.class, q -> q.getRequestId().equals(request.getRequestId()));
        RouteDecided decision = Events.otcDecision("1000", new BigInteger("149000000000"));
        kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
        awaitOne(Topics.POOLS_EXECUTED.name(), LegExecuted.class, e -> e.getTradeId().equals(decision.getTradeId()));
        RestClient http = RestClient.create("http://localhost:" + port);

        await().atMost(WAIT).untilAsserted(() -> {
            String scrape = http.get().uri("/actuator/prometheus").header(ApiKeys.HEADER, ApiKeys.METRICS)
                    .accept(MediaType.TEXT_PLAIN).retrieve().body(String.class);
            assertThat(scrape).satisfies(
                    hasSample("otc_pool_quotes_total", "pool=\"sol-usdc-main\"", "status=\"QUOTED\"",
                            "service=\"otc-pool-service\""),
                    hasSample("otc_pool_fills_total", "pool=\"sol-usdc-main\"", "status=\"FILLED\""),
                    hasSample("otc_pool_inventory_available", "pool=\"sol-usdc-main\"", "side=\"base\""),
                    hasSample("otc_pool_inventory_available", "pool=\"sol-usdc-main\"", "side=\"quote\""),
                    hasSample("otc_outbox_pending", "service=\"otc-pool-service\""),
                    hasSample("kafka_consumer_fetch_manager_records_lag_max"));
        });
    }

    /** A sample line of {@code metric} carrying every one of {@code labels} ({@code name="value"}). */
    private static ThrowingConsumer<String> hasSample(String metric, String... labels) {
        return scrape -> assertThat(scrape.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains)))
                .as("%s with %s", metric, Arrays.toString(labels)).isNotEmpty();
    }

    private List<String> tradeIdHeaders(String topic, String key) {
        return await().atMost(WAIT).until(() -> collector.recordsWithKey(topic, key), found -> !found.isEmpty()).stream()
                .map(r -> TradeIds.fromHeaders(r.headers()).orElse(null))
                .toList();
    }

    private BigInteger[] inventory(String poolId) {
        return jdbc.queryForObject("select base_inventory, quote_inventory from otc_pool.pool where id = ?",
                (rs, n) -> new BigInteger[] { rs.getBigDecimal(1).toBigIntegerExact(),
                        rs.getBigDecimal(2).toBigIntegerExact() }, poolId);
    }

    private <V extends org.apache.avro.specific.SpecificRecord> V awaitOne(String topic, Class<V> type,
            java.util.function.Predicate<V> filter) {
        return await().atMost(WAIT).until(() -> collector.events(topic, type, filter), found -> !found.isEmpty())
                .get(0);
    }
}
