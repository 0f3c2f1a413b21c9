package io.otcrouter.dashboard;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;
import io.otcrouter.dashboard.snapshot.KafkaSnapshotStore;
import io.otcrouter.dashboard.snapshot.ReadModelCheckpoints;
import io.otcrouter.dashboard.snapshot.ReadModelSnapshot;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.events.TradeSettledMother;

/**
 * A restarted dashboard takes its aggregates from the newest snapshot and reads the trade topics again only from its
 * recent window, on a real broker with three partitions per topic: every trade counted once, including those written
 * after the snapshot and a copy the ledger sent again, a trade older than the window answered as such, and the
 * ledger's correction of a trade counted before the snapshot replacing its contribution.
 */
@EmbeddedKafka(partitions = 3, topics = {"otc.routes.decided.v1", "otc.trades.settled.v1"},
        brokerProperties = "auto.create.topics.enable=false")
class ReadModelRestartIT {

    private static final int WINDOW = 5;
    private static final String SNAPSHOT_TOPIC = "dashboard-service.read-model.snapshots";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Route[] ROUTES = {Route.OTC, Route.DEX, Route.SPLIT, Route.REJECTED};

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    /** What the dashboard must show: every distinct trade, counted once, with a window large enough for all. */
    private final Reference expected = new Reference();

    @AfterEach
    void stopDashboards() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void shouldCountEveryTradeOnceAfterARestartFromAnOlderSnapshotReadingOnlyItsWindowAgain() throws Exception {
        assertThat(Topics.ROUTES_DECIDED.name()).isEqualTo("otc.routes.decided.v1");
        assertThat(Topics.TRADES_SETTLED.name()).isEqualTo("otc.trades.settled.v1");
        try (KafkaProducer<String, Object> producer = producer();
                KafkaSnapshotStore snapshots = snapshotStore()) {
            publishTrades(producer, 0, 60);
            ConfigurableApplicationContext first = startDashboard();
            await().atMost(WAIT).until(() -> totalTrades(first) == 60);
            first.getBean(ReadModelCheckpoints.class).saveIfChanged();
            ReadModelSnapshot atSixty = snapshots.latest().orElseThrow();

            // Read by the first dashboard after its snapshot: as if it died before writing another one.
            publishTrades(producer, 60, 66);
            await().atMost(WAIT).until(() -> totalTrades(first) == 66);
            first.close();
            snapshots.save(atSixty);
            // And one more while no dashboard runs, then a copy of it the ledger sends again.
            publishTrades(producer, 66, 67);
            producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), "trade-66", settlement(66))).get();
            // The newest record of the snapshot topic is torn: the one before it stands in.
            publishRaw(SNAPSHOT_TOPIC, KafkaSnapshotStore.KEY, "{\"format\":1,".getBytes(StandardCharsets.UTF_8));

            ConfigurableApplicationContext restarted = startDashboard();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(totalTrades(restarted)).isEqualTo(67);
                assertThat(restarted.getBean(SettlementProjection.class).detail("trade-66")).isPresent();
                assertThat(restarted.getBean(RouteDecisionProjection.class).decision("trade-66")).isPresent();
            });

            TradeStatsReadModel stats = restarted.getBean(TradeStatsReadModel.class);
            assertThat(stats.stats().total()).isEqualTo(expected.stats.stats().total());
            assertThat(stats.stats().byRoute()).isEqualTo(expected.stats.stats().byRoute());
            assertThat(stats.stats().byStatus()).isEqualTo(expected.stats.stats().byStatus());
            assertThat(stats.daily()).isEqualTo(expected.stats.daily());
            assertThat(restarted.getBean(TradeAnalyticsReadModel.class).analytics().brackets())
                    .isEqualTo(expected.analytics.analytics().brackets());
            assertThat(restarted.getBean(TradeAnalyticsReadModel.class).analytics().performance())
                    .isEqualTo(expected.analytics.analytics().performance());
            assertThat(appliedSettlements(restarted))
                    .as("settlements read again: the windows of the 3 partitions at the snapshot, the 7 written "
                            + "after it and the copy, not the 60 before")
                    .isLessThanOrEqualTo(3 * WINDOW + 7 + 1);

            SettlementProjection settlements = restarted.getBean(SettlementProjection.class);
            assertThat(settlements.recent(100)).extracting(trade -> trade.tradeId())
                    .containsExactly("trade-66", "trade-65", "trade-64", "trade-63", "trade-62");
            assertThat(settlements.detail("trade-0")).isEmpty();
            DashboardSession viewer = DashboardSession.signIn(port(restarted), TestUsers.VIEWER);
            HttpResponse<String> old = viewer.get("/api/trades/trade-0");
            assertThat(old.statusCode()).isEqualTo(404);
            assertThat(old.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(old.body()).contains("not in the dashboard's recent window").contains("latest " + WINDOW);
            assertThat(viewer.get("/api/trades/trade-66").statusCode()).isEqualTo(200);

            // The ledger corrects trade-0, counted before the snapshot and long gone from the window: its late leg.
            producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), "trade-0", correctionOfTradeZero())).get();
            Reference corrected = new Reference();
            for (int i = 1; i < 67; i++) {
                corrected.add(settlement(i), i);
            }
            corrected.add(TradeSettled.newBuilder(correctionOfTradeZero()).setRevision(1).setSupersedes(null).build(),
                    67);
            await().atMost(WAIT).untilAsserted(() -> assertThat(stats.stats().byStatus())
                    .isEqualTo(corrected.stats.stats().byStatus()));
            assertThat(stats.stats().total()).isEqualTo(corrected.stats.stats().total());
            assertThat(stats.daily()).isEqualTo(corrected.stats.daily());
            assertThat(restarted.getBean(TradeAnalyticsReadModel.class).analytics().brackets())
                    .isEqualTo(corrected.analytics.analytics().brackets());
            assertThat(restarted.getBean(TradeAnalyticsReadModel.class).analytics().performance())
                    .isEqualTo(corrected.analytics.analytics().performance());
            assertThat(viewer.get("/api/trades/trade-0").statusCode()).as("corrected, and settled most recently")
                    .isEqualTo(200);
        }
    }

    /** Trade 0 as first settled: half filled when its settle timeout passed, the other leg late. */
    private static TradeSettled provisionalTradeZero() {
        TradeSettled filled = settlement(0);
        return TradeSettled.newBuilder(filled).setStatus(TradeStatus.PARTIALLY_FILLED)
                .setFilledInAmount(filled.getFilledInAmount().divide(BigDecimal.valueOf(2)))
                .setOutAmount(filled.getOutAmount().divide(BigDecimal.valueOf(2)))
                .setSavingUsd(EventDecimals.usd(new BigDecimal("0.05")))
                .setSlippageVsQuoteBps(EventDecimals.ratio(new BigDecimal("2")))
                .build();
    }

    /** The ledger's correction of trade 0 once its late leg was booked: filled, settled a week later. */
    private static TradeSettled correctionOfTradeZero() {
        TradeSettled before = provisionalTradeZero();
        return solToUsdc("trade-0", ROUTES[0])
                .setVolumeUsd(before.getVolumeUsd()).setSavingUsd(EventDecimals.usd(BigDecimal.ZERO))
                .setSettledAt(SETTLED_AT.plus(Duration.ofDays(12))).setRevision(2)
                .setSupersedes(TradeSettledMother.figuresOf(before))
                .build();
    }

    private ConfigurableApplicationContext startDashboard() {
        // Command-line arguments: they take precedence over application.yml, unlike the builder's properties.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DashboardApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                "--" + TestUsers.USERS_PROPERTY, "--otc.dashboard.read-model.recent-trades=" + WINDOW,
                // Only the snapshots the test asks for, and the one written at shutdown.
                "--otc.dashboard.read-model.snapshot-interval=1h",
                "--logging.level.org.apache.kafka=WARN", "--logging.level.kafka=WARN",
                "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR");
        started.add(context);
        return context;
    }

    /** Trades {@code from} (inclusive) to {@code to}: each a decision, then its settlement, keyed by trade id. */
    private void publishTrades(KafkaProducer<String, Object> producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String tradeId = "trade-" + i;
            producer.send(new ProducerRecord<>(Topics.ROUTES_DECIDED.name(), tradeId,
                    decision(tradeId, "sol-usdc-main").build()));
            TradeSettled settled = i == 0 ? provisionalTradeZero() : settlement(i);
            producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), tradeId, settled)).get();
            expected.add(settled, i);
        }
    }

    /** Trade {@code i}: routes vary, sizes from $150 to $1.5M, a new UTC day every seven trades. */
    private static TradeSettled settlement(int i) {
        return solToUsdc("trade-" + i, ROUTES[i % ROUTES.length])
                .setVolumeUsd(EventDecimals.usd(new BigDecimal(150).multiply(BigDecimal.TEN.pow(i % 5))))
                .setSavingUsd(EventDecimals.usd(new BigDecimal(i).movePointLeft(1)))
                .setSettledAt(SETTLED_AT.plus(Duration.ofHours(i * 24L / 7)))
                .build();
    }

    private KafkaProducer<String, Object> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        return new KafkaProducer<>(config, new StringSerializer(), new AvroEventSerializer());
    }

    private void publishRaw(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private KafkaSnapshotStore snapshotStore() {
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        return new KafkaSnapshotStore(SNAPSHOT_TOPIC, consumer, producer);
    }

    private static long totalTrades(ConfigurableApplicationContext context) {
        return context.getBean(TradeStatsReadModel.class).stats().total().trades();
    }

    private static double appliedSettlements(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).get("otc.dashboard.events.applied")
                .tag("topic", Topics.TRADES_SETTLED.name()).counter().count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The aggregates every trade ever settled must add up to, fed each trade once. */
    private static final class Reference {
        final TradeStatsReadModel stats = new TradeStatsReadModel(Clock.systemUTC());
        final TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(1_000);
        final SettlementProjection settlements = new SettlementProjection(stats, analytics, 1_000);

        void add(TradeSettled settled, int i) {
            settlements.apply(settled, 0, i);
        }
    }
}
