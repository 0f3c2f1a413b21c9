package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.ledger.booking.Booking;
import io.otcrouter.ledger.booking.TradeLegRepository;
import io.otcrouter.ledger.booking.TradeRepository;
import io.otcrouter.ledger.booking.TradeState;
import io.otcrouter.ledger.rebuild.LedgerRebuilder;
import io.otcrouter.outbox.OutboxRepository;
import io.otcrouter.testsupport.events.TestTokens;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * Redelivery, disorder and rebuild: the ledger's tables as a function of the events. A database of its own, because
 * the assertions cover whole tables; the timeout sweep is off and the ledger's clock stands still so the test
 * decides when overdue trades settle ({@link Booking#settleOverdue()}, which is all the sweep calls).
 */
@LedgerIT(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = "otc.ledger.sweep-enabled=false")
@Import({ ConsumedTopics.class, Upstream.StillClock.class })
class LedgerReplayIT {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private TradeRepository trades;
    @Autowired
    private TradeLegRepository legs;
    @Autowired
    private Booking booking;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private LedgerRebuilder rebuilder;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private MutableClock clock;
    @Autowired
    private OutboxRepository outbox;

    private Upstream upstream;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useOwn(registry, "ledger_replay_it");
    }

    @BeforeEach
    void connect() {
        upstream = new Upstream(broker);
    }

    @AfterEach
    void disconnect() {
        upstream.close();
    }

    @Test
    void shouldChangeNothingWhenEveryEventIsDeliveredAgain() {
        Scenario scenario = bookScenario();
        Map<String, List<String>> before = LedgerTables.snapshot(jdbc, scenario.tradeIds(), scenario.eventIds());

        List<SpecificRecord> backwards = new ArrayList<>(scenario.events());
        java.util.Collections.reverse(backwards);
        backwards.forEach(upstream::send);
        scenario.events().forEach(upstream::send);
        awaitConsumed();
        booking.settleOverdue();

        assertThat(LedgerTables.snapshot(jdbc, scenario.tradeIds(), scenario.eventIds())).isEqualTo(before);
        assertThat(before.get("trade")).hasSize(scenario.tradeIds().size());
        assertThat(before.get("outbox")).as("one settlement per trade, and the correction of the late one")
                .hasSize(scenario.tradeIds().size() + 1);
    }

    @Test
    void shouldEndInTheSameRowsWhenLegsArriveBeforeTheirDecision() {
        Instant decidedAt = LedgerFixtures.now().minusSeconds(5);
        String inOrder = newTradeId();
        String reversed = newTradeId();

        upstream.send(LedgerFixtures.splitDecision(inOrder, decidedAt));
        upstream.send(LedgerFixtures.splitDexFill(inOrder, decidedAt.plusMillis(300)));
        upstream.send(LedgerFixtures.splitOtcFill(inOrder, decidedAt.plusMillis(200)));
        upstream.send(LedgerFixtures.splitOtcFill(reversed, decidedAt.plusMillis(200)));
        upstream.send(LedgerFixtures.splitDexFill(reversed, decidedAt.plusMillis(300)));
        awaitConsumed();
        upstream.send(LedgerFixtures.splitDecision(reversed, decidedAt));
        awaitSettled(inOrder);
        awaitSettled(reversed);

        Map<String, List<String>> first = LedgerTables.snapshot(jdbc, List.of(inOrder), List.of());
        Map<String, List<String>> second = LedgerTables.snapshot(jdbc, List.of(reversed), List.of());
        second.replaceAll((table, rows) -> rows.stream().map(row -> row.replace(reversed, inOrder)).toList());
        first.remove("outbox");
        second.remove("outbox");
        assertThat(second).isEqualTo(first);
        assertThat(trades.findByTradeId(reversed).orElseThrow().getStatus()).isEqualTo(TradeState.FILLED);
        assertThat(first.get("system_metrics")).isNotEmpty();
    }

    @Test
    void shouldRebuildTheSameTablesFromTheTopicsIntoAnEmptySchema() {
        bookScenario();
        String beforeV3 = newTradeId();
        upstream.send(Topics.ROUTES_DECIDED.name(), beforeV3, LedgerFixtures.writtenWithSchemaV2(
                RouteDecided.newBuilder(LedgerFixtures.otcDecision(beforeV3)).setRoute(Route.REJECTED)
                        .setLegs(List.of()).build()));
        upstream.send(Topics.POOLS_EXECUTED.name(), newTradeId(),
                "poison".getBytes(StandardCharsets.UTF_8));
        awaitConsumed();
        booking.settleOverdue();
        listeners.stop();
        try {
            awaitAllRelayed();
            Map<String, List<String>> before = LedgerTables.snapshot(jdbc);
            // The outbox is the relay's buffer, not a fact about trades: a rebuild writes the replay's settlements
            // there as sent and adds only what was never published.
            before.remove("outbox");

            long replayed = rebuilder.rebuild();

            assertThat(replayed).isPositive();
            Map<String, List<String>> after = LedgerTables.snapshot(jdbc);
            after.remove("outbox");
            assertThat(after).isEqualTo(before);
            assertThat(before.get("trade")).as("a corrected trade keeps the revision consumers last saw")
                    .anySatisfy(trade -> assertThat(trade).contains("\"revision\": 2"));
            assertThat(before.get("trade")).filteredOn(trade -> !trade.contains(beforeV3)).isNotEmpty()
                    .allSatisfy(trade -> assertThat(trade)
                            .contains("\"submitted_by\": \"" + LedgerFixtures.SUBMITTED_BY + "\""));
            assertThat(before.get("trade")).filteredOn(trade -> trade.contains(beforeV3)).singleElement()
                    .asString().contains("\"submitted_by\": null");
            assertThat(outbox.countUnpublished()).as("everything was published before: nothing is sent again")
                    .isZero();
        } finally {
            listeners.start();
        }
    }

    @Test
    void shouldPublishACorrectionOfWhatWasPublishedWhenTheRebuiltSettlementDiffers() {
        String tradeId = newTradeId();
        Instant decidedAt = clock.instant().minus(Duration.ofMinutes(10));
        upstream.send(LedgerFixtures.splitOtcFill(tradeId, decidedAt.plusSeconds(1)));
        upstream.send(LedgerFixtures.splitDecision(tradeId, decidedAt));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());
        clock.advance(Duration.ofSeconds(31));
        booking.settleOverdue();
        awaitSettled(tradeId);
        listeners.stop();
        try {
            awaitAllRelayed();
            long lastRowBefore = jdbc.queryForObject("select coalesce(max(id), 0) from outbox", Long.class);
            // The DEX leg is on its topic, but the ledger stopped before it booked it.
            upstream.send(LedgerFixtures.splitDexFill(tradeId, decidedAt.plusSeconds(50)));
            upstream.flush();

            rebuilder.rebuild();

            assertThat(trades.findByTradeId(tradeId).orElseThrow()).satisfies(trade -> {
                assertThat(trade.getStatus()).isEqualTo(TradeState.FILLED);
                assertThat(trade.getRevision()).isEqualTo(2);
            });
            // Written by the rebuild (the relay, woken by its commit, may have sent it already).
            List<String> written = jdbc.queryForList("select message_key from outbox where id > ?", String.class,
                    lastRowBefore);
            assertThat(written).as("only the correction is sent").containsExactly(tradeId);
            outboxRelayed(tradeId);
            try (TopicReader<byte[]> settled = TopicReader.bytes(broker, Topics.TRADES_SETTLED.name())) {
                List<TradeSettled> published = await().atMost(AT_MOST).until(() -> settled.eventsWithKey(tradeId)
                        .stream().map(TradeSettled.class::cast).toList(), events -> events.size() == 2);
                assertThat(published).extracting(TradeSettled::getRevision).containsExactly(1, 2);
                assertThat(published.get(1).getSupersedes().getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
                assertThat(published.get(1).getStatus()).isEqualTo(TradeStatus.FILLED);
            }
        } finally {
            listeners.start();
        }
    }

    private void awaitAllRelayed() {
        await().atMost(AT_MOST).until(() -> outbox.countUnpublished() == 0);
    }

    private void outboxRelayed(String tradeId) {
        await().atMost(AT_MOST).until(() -> jdbc.queryForObject("select count(*) from outbox where message_key = ?"
                + " and published_at is null", Long.class, tradeId) == 0);
    }

    /**
     * A filled OTC trade, a split whose legs come before the decision, a trade with a redelivered fill, a rejected
     * route, a BONK trade, a split that times out with one leg and one whose second leg comes after it settled by
     * timeout (corrected); all settled, the last one twice, when this returns.
     */
    private Scenario bookScenario() {
        Instant now = LedgerFixtures.now();
        Token bonk = TokenCatalog.defaults().bySymbol("BONK").orElseThrow();
        String filled = newTradeId();
        String split = newTradeId();
        String redelivered = newTradeId();
        String rejected = newTradeId();
        String bonkTrade = newTradeId();
        String timedOut = newTradeId();
        String corrected = newTradeId();
        Instant longAgo = now.minus(Duration.ofMinutes(10));
        LegExecuted redeliveredFill = LedgerFixtures.otcFill(redelivered);
        List<SpecificRecord> events = new ArrayList<>(List.of(
                LedgerFixtures.otcDecision(filled), LedgerFixtures.otcFill(filled),
                LedgerFixtures.splitOtcFill(split, now), LedgerFixtures.splitDexFill(split, now.plusMillis(5)),
                LedgerFixtures.splitDecision(split, now.minusMillis(50)),
                LedgerFixtures.otcDecision(redelivered), redeliveredFill, redeliveredFill,
                RouteDecided.newBuilder(LedgerFixtures.otcDecision(rejected)).setRoute(Route.REJECTED)
                        .setLegs(List.of()).build(),
                LedgerFixtures.otcDecision(bonkTrade, bonk, TestTokens.USDC,
                        new java.math.BigInteger("12345678901234567"), new java.math.BigInteger("2469135780"), null,
                        now),
                LedgerFixtures.otcFill(bonkTrade, bonk, TestTokens.USDC,
                        new java.math.BigInteger("12345678901234567"), new java.math.BigInteger("2469135780"), now),
                LedgerFixtures.splitDexFill(timedOut, longAgo.plusSeconds(2))));
        events.forEach(upstream::send);
        // The leg must be in before the overdue trade is swept, or the live ledger settles it FAILED while the
        // rebuild (which replays everything before sweeping) would see the leg: the known limit of the sweep.
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(timedOut).size() == 1);
        RouteDecided overdue = LedgerFixtures.splitDecision(timedOut, longAgo);
        events.add(overdue);
        upstream.send(overdue);
        LegExecuted inTime = LedgerFixtures.splitOtcFill(corrected, longAgo.plusSeconds(1));
        RouteDecided correctedDecision = LedgerFixtures.splitDecision(corrected, longAgo);
        events.addAll(List.of(inTime, correctedDecision));
        upstream.send(inTime);
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(corrected).size() == 1);
        upstream.send(correctedDecision);
        List<String> tradeIds = List.of(filled, split, redelivered, rejected, bonkTrade, timedOut, corrected);
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(timedOut).isPresent()
                && trades.findByTradeId(corrected).isPresent());
        // Their settle windows began when they were booked, just now: let the ledger's clock run past them.
        clock.advance(Duration.ofSeconds(31));
        booking.settleOverdue();
        tradeIds.forEach(this::awaitSettled);
        // A leg filled after its trade settled provisionally: the ledger corrects the settlement.
        LegExecuted late = LedgerFixtures.splitDexFill(corrected, longAgo.plusSeconds(50));
        events.add(late);
        upstream.send(late);
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(corrected).orElseThrow().getRevision() == 2);
        Set<String> eventIds = new java.util.HashSet<>();
        events.forEach(event -> eventIds.add(((org.apache.avro.generic.GenericRecord) event).get("eventId").toString()));
        return new Scenario(tradeIds, List.copyOf(eventIds), events);
    }

    private record Scenario(List<String> tradeIds, List<String> eventIds, List<SpecificRecord> events) {
    }

    /** Waits until a marker decision and marker legs on every topic are booked: everything sent before is consumed. */
    private void awaitConsumed() {
        String marker = newTradeId();
        Instant now = LedgerFixtures.now();
        upstream.send(LedgerFixtures.splitDexFill(marker, now));
        upstream.send(LedgerFixtures.splitOtcFill(marker, now));
        upstream.send(LedgerFixtures.splitDecision(marker, now));
        upstream.flush();
        awaitSettled(marker);
    }

    private void awaitSettled(String tradeId) {
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).orElse(null),
                trade -> trade != null && trade.getStatus() != TradeState.PENDING);
    }

    private static String newTradeId() {
        return "trade-" + UUID.randomUUID();
    }
}
