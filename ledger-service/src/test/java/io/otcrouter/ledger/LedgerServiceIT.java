package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.ledger.booking.SystemMetricRepository;
import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeLegRepository;
import io.otcrouter.ledger.booking.TradeRepository;
import io.otcrouter.ledger.booking.TradeState;
import io.otcrouter.outbox.OutboxRepository;
import io.otcrouter.testsupport.events.TestTokens;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger against a real broker (embedded KRaft, auto topic creation off as in production) and a real
 * PostgreSQL. Every test books its own tradeIds, so tests share the broker and database without depending on
 * each other.
 */
@LedgerIT
@TestPropertySource(properties = ApiKeys.CONFIGURED)
@Import(ConsumedTopics.class)
class LedgerServiceIT {

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private TradeRepository trades;
    @Autowired
    private TradeLegRepository legs;
    @Autowired
    private SystemMetricRepository metrics;
    @Autowired
    private OutboxRepository outbox;
    @LocalServerPort
    private int port;

    private Upstream upstream;
    private TopicReader<byte[]> settled;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useShared(registry);
    }

    @BeforeEach
    void connect() {
        upstream = new Upstream(broker);
        settled = TopicReader.bytes(broker, Topics.TRADES_SETTLED.name());
    }

    @AfterEach
    void disconnect() {
        upstream.close();
        settled.close();
    }

    @Test
    void shouldBookAFilledTradeWithExactAtomicAmountsAndPublishTradeSettled() {
        String tradeId = newTradeId();

        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));

        Trade trade = awaitSettled(tradeId);
        assertThat(trade.getStatus()).isEqualTo(TradeState.FILLED);
        assertThat(trade.getSubmittedBy()).isEqualTo(LedgerFixtures.SUBMITTED_BY);
        assertThat(trade.getAmountIn()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(trade.getFilledInAmount()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(trade.getOutAmount()).isEqualTo(new BigInteger("149625000000"));
        assertThat(trade.getSavingOutAmount()).isEqualTo(new BigInteger("625000000"));
        assertThat(trade.getExecutionPrice()).isEqualByComparingTo("149.625");
        assertThat(metrics.findByTradeId(tradeId)).extracting("name")
                .contains("trade_volume", "cost_savings", "otc_trade", "settle_latency_ms");

        TradeSettled event = (TradeSettled) await().atMost(AT_MOST)
                .until(() -> settled.eventsWithKey(tradeId), events -> !events.isEmpty()).get(0);
        assertThat(event.getStatus()).isEqualTo(TradeStatus.FILLED);
        assertThat(event.getOutAmount()).isEqualByComparingTo("149625000000");
        assertThat(event.getExecutionPrice()).isEqualByComparingTo("149.625");
        assertThat(event.getSavingUsd()).isEqualByComparingTo("625");
        Header tradeIdHeader = settled.recordsWithKey(tradeId).get(0).headers().lastHeader("otc-trade-id");
        assertThat(tradeIdHeader).isNotNull();
        assertThat(new String(tradeIdHeader.value(), StandardCharsets.UTF_8)).isEqualTo(tradeId);
    }

    @Test
    void shouldExposeBatchSizesSettledTradesOutboxAndConsumerLagToPrometheus() {
        String tradeId = newTradeId();
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));
        awaitSettled(tradeId);
        RestClient http = http(ApiKeys.METRICS);

        // The settled counter moves after the commit and lag metrics after a fetch: wait for the scrape to show them.
        List<String> scrape = await().atMost(AT_MOST).until(() -> http.get().uri("/actuator/prometheus").retrieve()
                .body(String.class).lines().toList(), lines -> !sample(lines, "otc_ledger_trades_settled_total",
                "status=\"FILLED\"").isEmpty() && !sample(lines, "kafka_consumer_fetch_manager_records_lag_max").isEmpty());

        String service = "service=\"ledger-service\"";
        assertThat(sample(scrape, "otc_ledger_trades_settled_total", "status=\"FILLED\"", service)).isNotEmpty();
        assertThat(sample(scrape, "otc_ledger_trades_settled_total", "status=\"FAILED\"", service)).isNotEmpty();
        assertThat(sample(scrape, "otc_ledger_batch_size_count",
                "topic=\"" + Topics.ROUTES_DECIDED.name() + "\"", service)).isNotEmpty();
        assertThat(sample(scrape, "otc_ledger_batch_size_count",
                "topic=\"" + Topics.POOLS_EXECUTED.name() + "\"", service)).isNotEmpty();
        assertThat(sample(scrape, "otc_ledger_batch_size_bucket", "le=\"500.0\"")).isNotEmpty();
        assertThat(sample(scrape, "otc_outbox_pending", service)).isNotEmpty();
        assertThat(sample(scrape, "kafka_consumer_fetch_manager_records_lag_max", service)).isNotEmpty();
    }

    @Test
    void shouldBookOnceAndSettleOnceWhenDecisionAndExecutionAreRedelivered() {
        String tradeId = newTradeId();
        RouteDecided decision = LedgerFixtures.otcDecision(tradeId);
        LegExecuted fill = LedgerFixtures.otcFill(tradeId);
        upstream.send(decision);
        upstream.send(fill);
        awaitSettled(tradeId);

        upstream.send(fill);
        upstream.send(decision);
        // Records on one partition are consumed in order: once a later trade is settled, the redeliveries were seen.
        String laterTradeId = newTradeId();
        upstream.send(LedgerFixtures.otcDecision(laterTradeId));
        upstream.send(LedgerFixtures.otcFill(laterTradeId));
        awaitSettled(laterTradeId);

        assertThat(trades.findAll()).filteredOn(trade -> trade.getTradeId().equals(tradeId)).hasSize(1);
        assertThat(legs.findByTradeIdOrderByLegId(tradeId)).hasSize(1);
        assertThat(outbox.countByTopicAndMessageKey(Topics.TRADES_SETTLED.name(), tradeId)).isEqualTo(1);
        await().atMost(AT_MOST).during(QUIET).until(() -> settled.eventsWithKey(tradeId), events -> events.size() == 1);
    }

    @Test
    void shouldSettleARejectedRouteWithoutLegsAsFailedAtOnce() {
        String tradeId = newTradeId();
        RouteDecided rejected = RouteDecided.newBuilder(LedgerFixtures.otcDecision(tradeId))
                .setRoute(Route.REJECTED).setLegs(List.of()).build();

        upstream.send(rejected);

        Trade trade = awaitSettled(tradeId);
        assertThat(trade.getStatus()).isEqualTo(TradeState.FAILED);
        assertThat(trade.getOutAmount()).isZero();
        TradeSettled event = (TradeSettled) await().atMost(AT_MOST)
                .until(() -> settled.eventsWithKey(tradeId), events -> !events.isEmpty()).get(0);
        assertThat(event.getStatus()).isEqualTo(TradeStatus.FAILED);
        assertThat(event.getExecutionPrice()).isNull();
    }

    @Test
    void shouldBookALegThatArrivesBeforeItsDecisionOnceTheDecisionComes() {
        String tradeId = newTradeId();

        upstream.send(LedgerFixtures.otcFill(tradeId));
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(tradeId), booked -> booked.size() == 1);
        assertThat(trades.findByTradeId(tradeId)).isEmpty();

        upstream.send(LedgerFixtures.otcDecision(tradeId));

        assertThat(awaitSettled(tradeId).getOutAmount()).isEqualTo(LedgerFixtures.OTC_OUT);
        await().atMost(AT_MOST).until(() -> settled.eventsWithKey(tradeId), events -> events.size() == 1);
    }

    @Test
    void shouldDeadLetterAGarbageDecisionAndStillBookTheNextOne() {
        String garbageKey = newTradeId();
        String tradeId = newTradeId();

        upstream.send(Topics.ROUTES_DECIDED.name(), garbageKey,
                "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));

        assertThat(awaitSettled(tradeId).getStatus()).isEqualTo(TradeState.FILLED);
        try (TopicReader<byte[]> deadLetters = TopicReader.bytes(broker, Topics.ROUTES_DECIDED.deadLetterTopic())) {
            byte[] deadLetter = await().atMost(AT_MOST)
                    .until(() -> deadLetters.recordsWithKey(garbageKey), records -> records.size() == 1)
                    .get(0).value();
            assertThat(new String(deadLetter, StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"avro\"}");
        }
        assertThat(trades.findByTradeId(garbageKey)).isEmpty();
    }

    @Test
    void shouldDeadLetterADecisionThatSellsNothingAtOnceAndStillBookTheNextOne() {
        String invalidId = newTradeId();
        String tradeId = newTradeId();
        RouteDecided invalid = RouteDecided.newBuilder(LedgerFixtures.otcDecision(invalidId))
                .setAmountIn(BigDecimal.ZERO).build();

        upstream.send(invalid);
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));

        assertThat(awaitSettled(tradeId).getStatus()).isEqualTo(TradeState.FILLED);
        try (TopicReader<byte[]> deadLetters = TopicReader.bytes(broker, Topics.ROUTES_DECIDED.deadLetterTopic())) {
            List<SpecificRecord> deadLettered = await().atMost(AT_MOST)
                    .until(() -> deadLetters.eventsWithKey(invalidId), records -> records.size() == 1);
            assertThat(((RouteDecided) deadLettered.get(0)).getEventId()).isEqualTo(invalid.getEventId());
        }
        assertThat(trades.findByTradeId(invalidId)).isEmpty();
    }

    @Test
    void shouldListTheTradeNewestFirstAndShowItWithItsLegs() {
        String tradeId = newTradeId();
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));
        awaitSettled(tradeId);
        RestClient http = http(ApiKeys.READ);

        JsonNode page = json(http.get().uri("/api/ledger/trades?page=0&size=50").retrieve().toEntity(String.class));
        JsonNode listed = page.get("content").valueStream()
                .filter(trade -> trade.get("tradeId").asString().equals(tradeId)).findFirst().orElseThrow();
        assertThat(listed.get("status").asString()).isEqualTo("FILLED");
        assertThat(listed.get("route").asString()).isEqualTo("OTC");
        assertThat(listed.at("/outAmount/atomic").asString()).isEqualTo("149625000000");
        assertThat(listed.at("/outAmount/units").asString()).isEqualTo("149625");
        assertThat(listed.at("/amountIn/units").asString()).isEqualTo("1000");
        assertThat(listed.get("executionPrice").asString()).isEqualTo("149.625000000000");
        assertThat(listed.get("settledAt").isString()).isTrue();
        assertThat(listed.get("submittedBy").asString()).isEqualTo(LedgerFixtures.SUBMITTED_BY);
        assertThat(listed.get("revision").asInt()).as("settled once, never corrected").isEqualTo(1);

        JsonNode detail = json(http.get().uri("/api/ledger/trades/{id}", tradeId).retrieve().toEntity(String.class));
        assertThat(detail.at("/trade/tradeId").asString()).isEqualTo(tradeId);
        assertThat(detail.get("legs").get(0).get("legId").asString()).isEqualTo(LedgerFixtures.otcLegId(tradeId));
        assertThat(detail.get("legs").get(0).at("/inAmount/atomic").asString()).isEqualTo("1000000000000");
    }

    @Test
    void shouldAnswerProblemJsonNotFoundForAnUnknownTrade() {
        ResponseEntity<String> response = http(ApiKeys.READ).get()
                .uri("/api/ledger/trades/{id}", "no-such-trade").retrieve()
                .onStatus(HttpStatusCode::isError, (request, errorResponse) -> { })
                .toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response).get("detail").asString()).contains("no-such-trade");
    }

    @Test
    void shouldDeadLetterAPoisonPillOnAnExecutionTopicAndStillBookTheNextExecution() {
        String poisonKey = newTradeId();
        String tradeId = newTradeId();
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());

        upstream.send(Topics.POOLS_EXECUTED.name(), poisonKey,
                "poison".getBytes(StandardCharsets.UTF_8));
        upstream.send(LedgerFixtures.otcFill(tradeId));

        assertThat(awaitSettled(tradeId).getStatus()).isEqualTo(TradeState.FILLED);
        try (TopicReader<byte[]> deadLetters = TopicReader.bytes(broker, Topics.POOLS_EXECUTED.deadLetterTopic())) {
            byte[] deadLetter = await().atMost(AT_MOST)
                    .until(() -> deadLetters.recordsWithKey(poisonKey), records -> records.size() == 1)
                    .get(0).value();
            assertThat(new String(deadLetter, StandardCharsets.UTF_8)).isEqualTo("poison");
        }
        assertThat(legs.findByTradeIdOrderByLegId(poisonKey)).isEmpty();
    }

    @Test
    void shouldKeepAmountsExactToTheLastAtomicUnitForFiveSixAndNineDecimalTokens() {
        Token bonk = TokenCatalog.defaults().bySymbol("BONK").orElseThrow();
        // 5 → 9 decimals: 123,456,789,012.34567 BONK for 987,654.321987654 SOL.
        BigInteger bonkIn = new BigInteger("12345678901234567");
        BigInteger solOut = new BigInteger("987654321987654");
        // 9 → 6 decimals: 18,446,744,073.709551615 SOL (u64::MAX lamports) for 2,767,011,611,056.432743 USDC.
        BigInteger solIn = new BigInteger("18446744073709551615");
        BigInteger usdcOut = new BigInteger("2767011611056432743");
        String bonkTrade = newTradeId();
        String solTrade = newTradeId();
        Instant at = LedgerFixtures.now();

        upstream.send(LedgerFixtures.otcDecision(bonkTrade, bonk, TestTokens.SOL, bonkIn, solOut, null, at));
        upstream.send(LedgerFixtures.otcFill(bonkTrade, bonk, TestTokens.SOL, bonkIn, solOut, at));
        upstream.send(LedgerFixtures.otcDecision(solTrade, TestTokens.SOL, TestTokens.USDC, solIn, usdcOut,
                usdcOut.subtract(BigInteger.ONE), at));
        upstream.send(LedgerFixtures.otcFill(solTrade, TestTokens.SOL, TestTokens.USDC, solIn, usdcOut, at));

        Trade bonkForSol = awaitSettled(bonkTrade);
        assertThat(bonkForSol.getAmountIn()).isEqualTo(bonkIn);
        assertThat(bonkForSol.getOutAmount()).isEqualTo(solOut);
        assertThat(legs.findByTradeIdOrderByLegId(bonkTrade).get(0).getOutAmount()).isEqualTo(solOut);
        Trade solForUsdc = awaitSettled(solTrade);
        assertThat(solForUsdc.getFilledInAmount()).isEqualTo(solIn);
        assertThat(solForUsdc.getOutAmount()).isEqualTo(usdcOut);
        assertThat(solForUsdc.getSavingOutAmount()).isEqualTo(BigInteger.ONE);

        TradeSettled event = (TradeSettled) await().atMost(AT_MOST)
                .until(() -> settled.eventsWithKey(solTrade), events -> !events.isEmpty()).get(0);
        assertThat(EventDecimals.toAtomic(event.getAmountIn())).isEqualTo(solIn);
        assertThat(EventDecimals.toAtomic(event.getOutAmount())).isEqualTo(usdcOut);
        JsonNode detail = json(http(ApiKeys.READ).get()
                .uri("/api/ledger/trades/{id}", bonkTrade).retrieve().toEntity(String.class));
        assertThat(detail.at("/trade/amountIn/units").asString()).isEqualTo("123456789012.34567");
        assertThat(detail.at("/trade/outAmount/units").asString()).isEqualTo("987654.321987654");
        assertThat(detail.at("/legs/0/outAmount/atomic").asString()).isEqualTo("987654321987654");
    }

    @Test
    void shouldFilterTradesByRoutePairAndDecisionTimeRange() {
        Instant window = Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofMinutes(new java.util.Random().nextInt(500_000)));
        String inWindow = newTradeId();
        String otherPair = newTradeId();
        Token usdt = TokenCatalog.defaults().bySymbol("USDT").orElseThrow();
        BigInteger tenUsdc = TestTokens.USDC.toAtomic(BigDecimal.TEN);
        upstream.send(LedgerFixtures.otcDecision(inWindow, TestTokens.SOL, TestTokens.USDC, LedgerFixtures.THOUSAND_SOL,
                LedgerFixtures.OTC_OUT, LedgerFixtures.DEX_BASELINE, window.plusSeconds(10)));
        upstream.send(LedgerFixtures.otcDecision(otherPair, TestTokens.USDC, usdt, tenUsdc, usdt.toAtomic(
                new BigDecimal("9.97")), null, window.plusSeconds(20)));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(otherPair).isPresent()
                && trades.findByTradeId(inWindow).isPresent());
        RestClient http = http(ApiKeys.READ);

        JsonNode byPair = json(http.get().uri("/api/ledger/trades?pair={pair}&route=OTC&from={from}&to={to}",
                "SOL/USDC", window, window.plusSeconds(60)).retrieve().toEntity(String.class));
        JsonNode all = json(http.get().uri("/api/ledger/trades?from={from}&to={to}", window, window.plusSeconds(60))
                .retrieve().toEntity(String.class));
        JsonNode dex = json(http.get().uri("/api/ledger/trades?route=DEX&from={from}&to={to}", window,
                window.plusSeconds(60)).retrieve().toEntity(String.class));

        assertThat(byPair.get("content").valueStream().map(trade -> trade.get("tradeId").asString()))
                .containsExactly(inWindow);
        assertThat(all.get("content").valueStream().map(trade -> trade.get("tradeId").asString()))
                .containsExactly(otherPair, inWindow);
        assertThat(dex.get("totalElements").asLong()).isZero();
    }

    @Test
    void shouldBookWhoSubmittedATradeAndNobodyForADecisionWrittenBeforeSchemaV3() {
        String byDesk = newTradeId();
        String byPerson = newTradeId();
        String beforeV3 = newTradeId();
        String person = "dashboard-user:ada-" + UUID.randomUUID().toString().substring(0, 8);

        upstream.send(LedgerFixtures.otcDecision(byDesk));
        upstream.send(RouteDecided.newBuilder(LedgerFixtures.otcDecision(byPerson)).setSubmittedBy(person)
                .build());
        upstream.send(Topics.ROUTES_DECIDED.name(), beforeV3,
                LedgerFixtures.writtenWithSchemaV2(LedgerFixtures.otcDecision(beforeV3)));
        await().atMost(AT_MOST).until(() -> List.of(byDesk, byPerson, beforeV3).stream()
                .allMatch(tradeId -> trades.findByTradeId(tradeId).isPresent()));

        assertThat(trades.findByTradeId(byDesk).orElseThrow().getSubmittedBy()).isEqualTo(LedgerFixtures.SUBMITTED_BY);
        assertThat(trades.findByTradeId(byPerson).orElseThrow().getSubmittedBy()).isEqualTo(person);
        Trade older = trades.findByTradeId(beforeV3).orElseThrow();
        assertThat(older.getSubmittedBy()).isNull();
        assertThat(older.getAmountIn()).isEqualTo(LedgerFixtures.THOUSAND_SOL);
        JsonNode shown = json(http(ApiKeys.READ).get().uri("/api/ledger/trades/{id}", beforeV3).retrieve()
                .toEntity(String.class));
        assertThat(shown.at("/trade/submittedBy").isNull()).isTrue();
        JsonNode byThatPerson = json(http(ApiKeys.READ).get().uri("/api/ledger/trades?submittedBy={who}", person)
                .retrieve().toEntity(String.class));
        assertThat(byThatPerson.get("content").valueStream().map(trade -> trade.get("tradeId").asString()))
                .containsExactly(byPerson);
    }

    @Test
    void shouldAnswerABadFilterWithProblemJson() {
        ResponseEntity<String> response = http(ApiKeys.READ).get()
                .uri("/api/ledger/trades?route=TELEPORT").retrieve()
                .onStatus(HttpStatusCode::isError, (request, errorResponse) -> { })
                .toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response).get("parameter").asString()).isEqualTo("route");
        assertThat(json(response).get("detail").asString()).contains("TELEPORT", "OTC", "DEX");
    }

    @Test
    void shouldCountANewOtcTradeInStatsAndAnalytics() {
        RestClient http = http(ApiKeys.READ);
        JsonNode before = json(http.get().uri("/api/ledger/stats").retrieve().toEntity(String.class));
        String tradeId = newTradeId();

        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));
        awaitSettled(tradeId);

        JsonNode after = json(http.get().uri("/api/ledger/stats").retrieve().toEntity(String.class));
        assertThat(after.get("filledTrades").asLong()).isEqualTo(before.get("filledTrades").asLong() + 1);
        assertThat(new BigDecimal(after.get("totalVolumeUsd").asString())
                .subtract(new BigDecimal(before.get("totalVolumeUsd").asString()))).isEqualByComparingTo("150000");
        assertThat(new BigDecimal(after.get("totalSavingsUsd").asString())
                .subtract(new BigDecimal(before.get("totalSavingsUsd").asString()))).isEqualByComparingTo("625");
        assertThat(after.get("today").get("trades").asLong()).isPositive();
        assertThat(after.get("otcSharePct").asString()).isNotNull();
        assertThat(after.get("byRoute").valueStream().map(route -> route.get("route").asString())).contains("OTC");

        JsonNode analytics = json(http.get().uri("/api/ledger/analytics").retrieve().toEntity(String.class));
        assertThat(analytics.get("dailySavings").size()).isEqualTo(30);
        JsonNode today = analytics.get("dailySavings").get(29);
        assertThat(today.get("day").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(new BigDecimal(today.get("savingsUsd").asString())).isGreaterThanOrEqualTo(new BigDecimal("625"));
        assertThat(analytics.get("savingsBySize").valueStream()
                .filter(bracket -> "100000".equals(bracket.get("minUsd").asString())).findFirst().orElseThrow()
                .get("trades").asLong()).isPositive();
        assertThat(analytics.get("routeDistribution").valueStream().map(route -> route.get("route").asString()))
                .contains("OTC");
        assertThat(analytics.get("sizeVsSlippage").valueStream().map(point -> point.get("tradeId").asString()))
                .contains(tradeId);
        assertThat(analytics.get("slippageAboveOnePctShare").asString()).isNotNull();
    }



    private Trade awaitSettled(String tradeId) {
        return await().atMost(AT_MOST)
                .until(() -> trades.findByTradeId(tradeId).orElse(null),
                        trade -> trade != null && trade.getStatus() != TradeState.PENDING);
    }

    /** The samples of one metric (name followed by its labels) carrying every given label. */
    private static List<String> sample(List<String> scrape, String name, String... labels) {
        return scrape.stream().filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains)).toList();
    }

    /** A client of the ledger's API with this key. */
    private RestClient http(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader(ApiKeys.HEADER, key).build();
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JsonMapper.builder().build().readTree(response.getBody());
    }

    private static String newTradeId() {
        return "trade-" + UUID.randomUUID();
    }
}
