package io.otcrouter.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.otcrouter.dashboard.view.TradeStatsView;
import io.otcrouter.events.Route;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;

/**
 * How long the dashboard takes to rebuild its read model at start: publishes N trades (a RouteDecided and a
 * TradeSettled each, 3 partitions per topic as in production) to an in-process KRaft broker, then starts the
 * dashboard and times until every trade is counted, start-up included. Not a test; run it with
 * {@code ./mvnw -q -pl dashboard-service test-compile exec:java -Dexec.mainClass=io.otcrouter.dashboard.ReplayBenchmark
 * -Dexec.classpathScope=test -Dexec.args="100000"}.
 */
public final class ReplayBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final Route[] ROUTES = {Route.OTC, Route.DEX, Route.SPLIT};

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ROUTES_DECIDED.name(),
                Topics.TRADES_SETTLED.name(), Topics.PRICES_UPDATED.name(), Topics.POOLS_CHANGED.name());
        broker.afterPropertiesSet();
        try {
            publish(broker.getBrokersAsString(), trades);
            long started = System.nanoTime();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DashboardApplication.class)
                    .properties("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "server.port=0",
                            "logging.level.org.apache.kafka=WARN")
                    .run()) {
                long ready = System.nanoTime();
                TradeStatsView stats = context.getBean(TradeStatsView.class);
                while (stats.stats().total().trades() < trades) {
                    if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 300) {
                        throw new IllegalStateException("replay did not finish: " + stats.stats().total().trades());
                    }
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                long done = System.nanoTime();
                log.info("Replayed {} trades ({} records): start-up {} ms, replay after start-up {} ms, total {} ms",
                        trades, 2L * trades, TimeUnit.NANOSECONDS.toMillis(ready - started),
                        TimeUnit.NANOSECONDS.toMillis(done - ready), TimeUnit.NANOSECONDS.toMillis(done - started));
            }
        } finally {
            broker.destroy();
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
                producer.send(new ProducerRecord<>(Topics.ROUTES_DECIDED.name(), tradeId,
                        DashboardEvents.decision(tradeId, "sol-usdc-main").build()));
                producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), tradeId,
                        DashboardEvents.solToUsdc(tradeId, ROUTES[i % ROUTES.length])
                                .setSettledAt(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 13L)).build()));
            }
            producer.flush();
        }
        log.info("Published {} trades in {} ms", trades, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
