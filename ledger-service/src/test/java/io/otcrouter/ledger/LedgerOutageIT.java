package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.ledger.booking.SystemMetricRepository;
import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.ledger.booking.TradeLegRepository;
import io.otcrouter.ledger.booking.TradeRepository;
import io.otcrouter.ledger.booking.TradeState;
import io.otcrouter.outbox.OutboxRepository;
import io.otcrouter.testsupport.jdbc.SwitchableDataSource;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * The ledger when PostgreSQL goes away under its listeners and comes back: nothing is dead-lettered, everything is
 * booked once, readiness (not liveness) follows the database meanwhile, and a decision read long after it was made
 * still waits the whole settle timeout for its legs. A database of its own, reached through a
 * {@link SwitchableDataSource} the tests cut off, and a clock that stands still until a test moves it, so the settle
 * timeout passes when the test says and not while a slow machine runs it. Failed batches are retried every half
 * second at most, so nothing waits long once the database is back.
 */
@LedgerIT
@TestPropertySource(properties = "otc.kafka.retry-max=500ms")
@Import({ ConsumedTopics.class, Upstream.StillClock.class, SwitchableDataSource.Wrapping.class })
class LedgerOutageIT {

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    /** Attempts the old rule allowed before dead-lettering: the first and two retries. */
    private static final int OLD_RULE_ATTEMPTS = 3;
    /** The listener container ids of BookingListener. */
    private static final String DECISIONS = "ledger-decisions";
    private static final String EXECUTIONS = "ledger-executions";
    /** Past a trade's 30 s settle window and the leg watermark's 2 s slack. */
    private static final Duration PAST_THE_WINDOW = Duration.ofSeconds(33);

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private SwitchableDataSource database;
    @Autowired
    private TradeRepository trades;
    @Autowired
    private TradeLegRepository legs;
    @Autowired
    private OutboxRepository outbox;
    @Autowired
    private SystemMetricRepository metrics;
    @Autowired
    private MutableClock clock;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @LocalServerPort
    private int port;

    private Upstream upstream;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useOwn(registry, "ledger_outage_it");
    }

    @BeforeEach
    void connect() {
        upstream = new Upstream(broker);
    }

    @AfterEach
    void databaseBack() {
        database.restore();
        upstream.close();
    }

    @Test
    void shouldHoldADecisionAndItsFillWhileTheDatabaseIsDownAndBookThemOnceWhenItIsBackWithoutDeadLettering() {
        String tradeId = newTradeId();
        int decisionsRefused = database.refusedToListener(DECISIONS);
        int executionsRefused = database.refusedToListener(EXECUTIONS);

        database.cutOff();
        upstream.send(LedgerFixtures.otcDecision(tradeId));
        upstream.send(LedgerFixtures.otcFill(tradeId));

        await().atMost(AT_MOST).until(() -> database.refusedToListener(DECISIONS) - decisionsRefused
                > OLD_RULE_ATTEMPTS && database.refusedToListener(EXECUTIONS) - executionsRefused > OLD_RULE_ATTEMPTS);
        assertThat(probe("readiness").value()).as("not ready while the database is away").isEqualTo(503);
        assertThat(probe("liveness").value()).as("still live").isEqualTo(200);
        database.restore();

        assertThat(awaitSettled(tradeId).getStatus()).isEqualTo(TradeState.FILLED);
        assertThat(trades.findAll()).filteredOn(trade -> trade.getTradeId().equals(tradeId)).hasSize(1);
        assertThat(legs.findByTradeIdOrderByLegId(tradeId)).hasSize(1);
        assertThat(outbox.countByTopicAndMessageKey(Topics.TRADES_SETTLED.name(), tradeId)).isEqualTo(1);
        try (TopicReader<byte[]> decisions = TopicReader.bytes(broker, Topics.ROUTES_DECIDED.deadLetterTopic());
                TopicReader<byte[]> executions = TopicReader.bytes(broker, Topics.POOLS_EXECUTED.deadLetterTopic())) {
            await().atMost(AT_MOST).during(QUIET).until(() -> decisions.recordsWithKey(tradeId).isEmpty()
                    && executions.recordsWithKey(tradeId).isEmpty());
        }
        assertThat(probe("readiness").value()).as("ready again").isEqualTo(200);
    }

    @Test
    void shouldBeReadyAndLiveWhileTheDatabaseAnswers() {
        assertThat(probe("readiness").value()).isEqualTo(200);
        assertThat(probe("liveness").value()).isEqualTo(200);
    }

    @Test
    void shouldSettleATradeWhoseSecondLegNeverCameAsPartiallyFilledOnceTheTimeoutHasPassedSinceItWasBooked() {
        String tradeId = newTradeId();
        Instant decidedAt = LedgerFixtures.now().minus(Duration.ofMinutes(10));

        // Leg first: once the clock has moved, the sweep may settle at any moment, and must see this leg.
        upstream.send(LedgerFixtures.splitOtcFill(tradeId, decidedAt.plusSeconds(1)));
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(tradeId), booked -> booked.size() == 1);
        upstream.send(LedgerFixtures.splitDecision(tradeId, decidedAt));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());
        // Ten minutes after the decision, but its window began when it was booked: the sweep leaves it alone.
        await().atMost(AT_MOST).during(QUIET).until(() -> isPending(tradeId));

        clock.advance(PAST_THE_WINDOW);

        Trade trade = awaitSettled(tradeId);
        assertThat(trade.getStatus()).isEqualTo(TradeState.PARTIALLY_FILLED);
        assertThat(trade.getFilledInAmount()).isEqualTo(LedgerFixtures.SPLIT_OTC_IN);
        assertThat(trade.getOutAmount()).isEqualTo(LedgerFixtures.SPLIT_OTC_OUT);
        assertThat(trade.getSettledAt()).as("in event time, as a replay settles it")
                .isEqualTo(decidedAt.plus(Duration.ofSeconds(30)));
        try (TopicReader<byte[]> settled = TopicReader.bytes(broker, Topics.TRADES_SETTLED.name())) {
            TradeSettled event = (TradeSettled) await().atMost(AT_MOST)
                    .until(() -> settled.eventsWithKey(tradeId), events -> !events.isEmpty()).get(0);
            assertThat(event.getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        }
    }

    @Test
    void shouldCountTheLegsOfADecisionReadLongAfterItWasMadeThatCameWithinTheTimeoutOfItsBooking() {
        String tradeId = newTradeId();
        // Made ten minutes ago, read only now: the ledger's database was down meanwhile, and the venues' too.
        Instant decidedAt = LedgerFixtures.now().minus(Duration.ofMinutes(10));
        upstream.send(LedgerFixtures.splitDecision(tradeId, decidedAt));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());

        clock.advance(Duration.ofSeconds(29));
        await().atMost(AT_MOST).during(QUIET).until(() -> isPending(tradeId));
        // One leg executed in time and queued behind the outage; the other executed when its venue's database came
        // back, long after the decision but within the window that began at the booking.
        upstream.send(LedgerFixtures.splitOtcFill(tradeId, decidedAt.plusSeconds(1)));
        LegExecuted lateDexFill = LedgerFixtures.splitDexFill(tradeId, clock.instant());
        upstream.send(lateDexFill);

        Trade trade = awaitSettled(tradeId);
        assertThat(trade.getStatus()).isEqualTo(TradeState.FILLED);
        assertThat(trade.getFilledInAmount()).isEqualTo(LedgerFixtures.THOUSAND_SOL);
        assertThat(trade.getSettledAt()).isEqualTo(lateDexFill.getExecutedAt());
    }

    @Test
    void shouldCorrectAProvisionalSettlementWhenALegIsBookedAfterItAndPublishTheCorrection() {
        String tradeId = newTradeId();
        Instant decidedAt = clock.instant();
        upstream.send(LedgerFixtures.splitOtcFill(tradeId, decidedAt.plusSeconds(1)));
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(tradeId), booked -> booked.size() == 1);
        upstream.send(LedgerFixtures.splitDecision(tradeId, decidedAt));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());
        clock.advance(PAST_THE_WINDOW);
        Trade provisional = awaitSettled(tradeId);
        assertThat(provisional.getStatus()).isEqualTo(TradeState.PARTIALLY_FILLED);
        assertThat(provisional.getRevision()).isEqualTo(1);

        // The DEX leg filled after the window (a backlog at its venue): the pool's inventory and Jupiter moved for it.
        LegExecuted lateDexFill = LedgerFixtures.splitDexFill(tradeId, clock.instant().plusSeconds(5));
        upstream.send(lateDexFill);

        Trade corrected = await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).orElseThrow(),
                trade -> trade.getRevision() == 2);
        assertThat(corrected.getStatus()).isEqualTo(TradeState.FILLED);
        assertThat(corrected.getFilledInAmount()).isEqualTo(LedgerFixtures.THOUSAND_SOL);
        assertThat(corrected.getOutAmount()).isEqualTo(LedgerFixtures.SPLIT_OTC_OUT.add(LedgerFixtures.SPLIT_DEX_OUT));
        assertThat(corrected.getSettledAt()).isEqualTo(lateDexFill.getExecutedAt());
        assertThat(corrected.getSlippageVsQuoteBps()).isEqualByComparingTo("0");
        assertThat(legs.findByTradeIdOrderByLegId(tradeId)).extracting(leg -> leg.getOutAmount())
                .containsExactlyInAnyOrder(LedgerFixtures.SPLIT_OTC_OUT, LedgerFixtures.SPLIT_DEX_OUT);
        assertThat(metrics.findByTradeId(tradeId)).as("the correction's system metrics replace the provisional ones")
                .filteredOn(metric -> metric.getName().equals("settle_latency_ms")).singleElement()
                .extracting(metric -> metric.getValue().longValueExact())
                .isEqualTo(Duration.between(decidedAt, lateDexFill.getExecutedAt()).toMillis());
        assertThat(metrics.findByTradeId(tradeId)).filteredOn(metric -> metric.getName().equals("otc_trade"))
                .hasSize(1);
        try (TopicReader<byte[]> settled = TopicReader.bytes(broker, Topics.TRADES_SETTLED.name())) {
            List<TradeSettled> published = await().atMost(AT_MOST).until(() -> settled.eventsWithKey(tradeId)
                    .stream().map(TradeSettled.class::cast).toList(), events -> events.size() == 2);
            assertThat(published).extracting(TradeSettled::getRevision).containsExactly(1, 2);
            assertThat(published.get(0).getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
            assertThat(published.get(1).getStatus()).isEqualTo(TradeStatus.FILLED);
            assertThat(published.get(1).getSupersedes().getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
            assertThat(published.get(1).getSupersedes().getOutAmount())
                    .isEqualByComparingTo(published.get(0).getOutAmount());
            assertThat(published.get(1).getEventId()).isNotEqualTo(published.get(0).getEventId());
        }

        upstream.send(lateDexFill);
        await().atMost(AT_MOST).during(QUIET).until(() -> trades.findByTradeId(tradeId).orElseThrow().getRevision(),
                revision -> revision == 2);
        assertThat(outbox.countByTopicAndMessageKey(Topics.TRADES_SETTLED.name(), tradeId))
                .as("a redelivered late leg corrects nothing again").isEqualTo(2);
    }

    @Test
    void shouldNotSettleWithoutALegThatExecutedInTimeButWaitsUnreadInTheLedgersBacklog() {
        String tradeId = newTradeId();
        Instant decidedAt = clock.instant();
        upstream.send(LedgerFixtures.splitOtcFill(tradeId, decidedAt.plusSeconds(1)));
        await().atMost(AT_MOST).until(() -> legs.findByTradeIdOrderByLegId(tradeId), booked -> booked.size() == 1);
        upstream.send(LedgerFixtures.splitDecision(tradeId, decidedAt));
        await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).isPresent());
        MessageListenerContainer executions = listeners.getListenerContainer(EXECUTIONS);
        executions.pause(); // the ledger falls behind on the leg topics: the DEX leg waits there unread
        try {
            await().atMost(AT_MOST).until(executions::isPauseRequested);
            upstream.send(LedgerFixtures.splitDexFill(tradeId, decidedAt.plusSeconds(2)));
            upstream.flush();

            clock.advance(Duration.ofMinutes(5));

            await().atMost(AT_MOST).during(QUIET).until(() -> isPending(tradeId));
        } finally {
            executions.resume();
        }
        Trade settled = awaitSettled(tradeId);
        assertThat(settled.getStatus()).as("settled once, with the leg that was waiting").isEqualTo(TradeState.FILLED);
        assertThat(settled.getRevision()).isEqualTo(1);
        assertThat(outbox.countByTopicAndMessageKey(Topics.TRADES_SETTLED.name(), tradeId)).isEqualTo(1);
    }

    private boolean isPending(String tradeId) {
        return trades.findByTradeId(tradeId).map(trade -> trade.getStatus() == TradeState.PENDING).orElse(false);
    }



    private Trade awaitSettled(String tradeId) {
        return await().atMost(AT_MOST).until(() -> trades.findByTradeId(tradeId).orElse(null),
                trade -> trade != null && trade.getStatus() != TradeState.PENDING);
    }

    /** The status of {@code /actuator/health/<group>}: 200 when UP, 503 when DOWN. */
    private HttpStatusCode probe(String group) {
        return RestClient.create("http://localhost:" + port).get().uri("/actuator/health/{group}", group)
                .exchange((request, response) -> response.getStatusCode());
    }

    private static String newTradeId() {
        return "trade-" + UUID.randomUUID();
    }
}
