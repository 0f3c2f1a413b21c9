package io.otcrouter.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;
import io.otcrouter.events.Route;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;

/**
 * How long the dashboard takes to be ready with a long history: publishes N trades (a RouteDecided and a
 * TradeSettled each, 3 partitions per topic as in production) to an in-process KRaft broker, then starts the
 * dashboard twice. The first start finds no snapshot and reads both topics from the beginning (what every start did
 * before snapshots); it writes a snapshot when it stops. The second start restores that snapshot and reads only the
 * recent windows again. Each is timed from the start of the service until every trade is counted and every partition
 * read to its end, start-up included. Not a test; run it with
 * {@code ./mvnw -q -pl dashboard-service test-compile exec:java -Dexec.mainClass=io.otcrouter.dashboard.ReplayBenchmark
 * -Dexec.classpathScope=test -Dexec.args="400000"}.
 */
public final class ReplayBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final Route[] ROUTES = {Route.OTC, Route.DEX, Route.SPLIT};
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ROUTES_DECIDED.name(),
                Topics.TRADES_SETTLED.name(), Topics.PRICES_UPDATED.name(), Topics.POOLS_CHANGED.name());
        broker.afterPropertiesSet();
        try {
            publish(broker.getBrokersAsString(), trades);
            Map<TopicPartition, Long> end = endOffsets(broker.getBrokersAsString());
            start(broker.getBrokersAsString(), trades, end, "first start, no snapshot");
            start(broker.getBrokersAsString(), trades, end, "restart from the snapshot written at shutdown");
        } finally {
            broker.destroy();
        }
    }

    private static void start(String brokers, int trades, Map<TopicPartition, Long> end, String what)
            throws InterruptedException {
        long started = System.nanoTime();
        // Command-line arguments: they take precedence over application.yml.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DashboardApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + brokers, "--server.port=0",
                        "--logging.level.org.apache.kafka=WARN")) {
            long ready = System.nanoTime();
            TradeStatsReadModel stats = context.getBean(TradeStatsReadModel.class);
            SettlementProjection settlements = context.getBean(SettlementProjection.class);
            RouteDecisionProjection decisions = context.getBean(RouteDecisionProjection.class);
            waitFor(() -> stats.stats().total().trades() == trades && end.entrySet().stream()
                    .allMatch(partition -> (partition.getKey().topic().equals(Topics.TRADES_SETTLED.name())
                            ? settlements.resumeOffset(partition.getKey().partition())
                            : decisions.resumeOffset(partition.getKey().partition())).orElse(0)
                            == partition.getValue()), () -> what + ": " + stats.stats().total().trades());
            long done = System.nanoTime();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            log.info("{}: {} trades counted; {} settlement and {} decision records read; start-up {} ms, reading "
                    + "after start-up {} ms, total {} ms", what, stats.stats().total().trades(),
                    (long) applied(registry, Topics.TRADES_SETTLED.name()),
                    (long) applied(registry, Topics.ROUTES_DECIDED.name()),
                    TimeUnit.NANOSECONDS.toMillis(ready - started), TimeUnit.NANOSECONDS.toMillis(done - ready),
                    TimeUnit.NANOSECONDS.toMillis(done - started));
        }
    }

    private static void waitFor(BooleanSupplier done, Supplier<String> progress)
            throws InterruptedException {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - started > LIMIT.toNanos()) {
                throw new IllegalStateException("not ready within " + LIMIT + ": " + progress.get());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static double applied(MeterRegistry registry, String topic) {
        return registry.get("otc.dashboard.events.applied").tag("topic", topic).counter().count();
    }

    private static Map<TopicPartition, Long> endOffsets(String brokers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(Topics.TRADES_SETTLED.name(), Topics.ROUTES_DECIDED.name())
                    .stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static void publish(String brokers, int trades) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long started = System.nanoTime();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < trades; i++) {
                String tradeId = "bench-" + i;
                Instant decidedAt = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 13L);
                producer.send(new ProducerRecord<>(Topics.ROUTES_DECIDED.name(), tradeId,
                        DashboardEvents.decision(tradeId, "sol-usdc-main").setOccurredAt(decidedAt).build()));
                producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), tradeId,
                        DashboardEvents.solToUsdc(tradeId, ROUTES[i % ROUTES.length])
                                .setSettledAt(decidedAt.plusSeconds(2)).build()));
            }
            producer.flush();
        }
        log.info("Published {} trades in {} ms", trades, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
