package io.otcrouter.quote.standin;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.quote.QuoteServiceApplication;
import io.otcrouter.quote.TestEvents;

/**
 * quote-service alone against a Jupiter that answers in a fixed latency ({@link JupiterStandIn}) and an embedded
 * broker: trades sent open loop at a fixed rate, each a SOL→USDC quote request (1–5,000 SOL, most small, reply due in
 * 2 s, like the router's) and then its decision with one DEX leg of the full size. Measured from each trade's
 * scheduled time (no coordinated omission): the answer's latency and where it came from, the committed
 * {@code LegExecuted}'s latency (read_committed), and the Jupiter calls made per second. All requests share one pair,
 * so one partition and one consumer thread: the case in which a blocking consumer did worst. Not a test; run it with
 * {@code ./mvnw -q -pl quote-service test-compile exec:java
 * -Dexec.mainClass=io.otcrouter.quote.standin.QuoteServiceBenchmark -Dexec.classpathScope=test
 * -Dexec.args="--rate=200 --seconds=30 --latency-ms=100 --budget=1000 --burst=50 --max-concurrency=16"}.
 */
public final class QuoteServiceBenchmark {

    private static final Logger log = LoggerFactory.getLogger(QuoteServiceBenchmark.class);
    private static final Duration REPLY_WINDOW = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final Map<String, Long> quoteScheduled = new ConcurrentHashMap<>();
    private final Map<String, Long> legScheduled = new ConcurrentHashMap<>();
    private final List<Long> answerNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> legNanos = Collections.synchronizedList(new ArrayList<>());
    /** Per trade, when its decision was sent (wall clock), and how long until its leg said it was executed. */
    private final Map<String, Long> legSentMillis = new ConcurrentHashMap<>();
    private final List<Long> legExecutedNanos = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> answerKinds = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Stream.of(args).filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int latencyMs = Integer.parseInt(options.getOrDefault("latency-ms", "100"));
        String budget = options.getOrDefault("budget", "1000");
        String burst = options.getOrDefault("burst", "50");
        String concurrency = options.getOrDefault("max-concurrency", "16");
        String mode = options.getOrDefault("mode", "live");
        new QuoteServiceBenchmark().run(rate, seconds, latencyMs, budget, burst, concurrency, mode);
    }

    private void run(int rate, int seconds, int latencyMs, String budget, String burst, String concurrency,
            String mode) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.QUOTES_REQUESTED.name(),
                Topics.ROUTES_DECIDED.name(), Topics.PRICES_UPDATED.name());
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        try (JupiterStandIn jupiter = new JupiterStandIn(0, latencyMs, new BigDecimal("20000000"), 0)) {
            jupiter.start();
            // command-line arguments, which outrank application.yml
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(QuoteServiceApplication.class)
                    .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                            "--otc.jupiter.mode=" + mode, "--otc.jupiter.base-url=" + jupiter.baseUrl() + "/swap/v1",
                            "--otc.jupiter.budget.requests-per-second=" + budget,
                            "--otc.jupiter.budget.burst=" + burst,
                            "--otc.jupiter.budget.max-concurrency=" + concurrency,
                            "--logging.level.root=WARN", "--logging.level.io.otcrouter.quote.standin=INFO");
                    KafkaProducer<String, Object> producer = producer(broker);
                    KafkaConsumer<String, Object> consumer = consumer(broker)) {
                AtomicBoolean reading = new AtomicBoolean(true);
                Thread reader = new Thread(() -> read(consumer, reading), "benchmark-reader");
                reader.start();
                warmUp(producer);
                long callsBefore = jupiter.served();
                long began = System.nanoTime();
                send(producer, rate, seconds);
                long sentAt = System.nanoTime();
                long callsDuringLoad = jupiter.served() - callsBefore;
                double loadSeconds = (sentAt - began) / 1e9;
                long drainUntil = sentAt + DRAIN.toNanos();
                while ((!quoteScheduled.isEmpty() || !legScheduled.isEmpty()) && System.nanoTime() < drainUntil) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                reading.set(false);
                reader.join();
                report(rate, seconds, latencyMs, budget, concurrency, mode, callsDuringLoad / loadSeconds);
            }
        } finally {
            broker.destroy();
        }
    }

    /** A few trades before measuring, so that the consumers are assigned and the JIT has seen the code. */
    private void warmUp(KafkaProducer<String, Object> producer) throws InterruptedException {
        send(producer, 20, 5);
        TimeUnit.SECONDS.sleep(3);
        quoteScheduled.clear();
        legScheduled.clear();
        answerNanos.clear();
        legNanos.clear();
        legSentMillis.clear();
        legExecutedNanos.clear();
        answerKinds.clear();
    }

    private void send(KafkaProducer<String, Object> producer, int rate, int seconds) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long scheduled = start + i * interval;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            String tradeId = UUID.randomUUID().toString();
            BigDecimal sol = size();
            QuoteRequested request = TestEvents.solToUsdcRequest(UUID.randomUUID().toString(), sol,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(REPLY_WINDOW));
            request.setTradeId(tradeId);
            quoteScheduled.put(request.getRequestId(), scheduled);
            producer.send(new ProducerRecord<>(Topics.QUOTES_REQUESTED.name(), request.getPair(), request));
            BigInteger in = EventDecimals.toAtomic(request.getAmountIn());
            RouteDecided decision = TestEvents.routeDecided(tradeId, TestEvents.dexLeg("leg-dex-1", in,
                    BigInteger.ONE));
            legScheduled.put(tradeId, scheduled);
            legSentMillis.put(tradeId, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(Topics.ROUTES_DECIDED.name(), tradeId, decision));
        }
    }

    /** 1–5,000 SOL, most of them small, as the load generator sends. */
    private static BigDecimal size() {
        double u = ThreadLocalRandom.current().nextDouble();
        return BigDecimal.valueOf(Math.exp(u * Math.log(5_000))).setScale(3, RoundingMode.DOWN).max(BigDecimal.ONE);
    }

    private void read(KafkaConsumer<String, Object> consumer, AtomicBoolean reading) {
        while (reading.get()) {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(20))) {
                long now = System.nanoTime();
                if (record.value() instanceof JupiterQuoted quoted) {
                    Long scheduled = quoteScheduled.remove(quoted.getRequestId());
                    if (scheduled != null) {
                        answerNanos.add(now - scheduled);
                        answerKinds.merge(kind(quoted), 1, Integer::sum);
                    }
                } else if (record.value() instanceof LegExecuted leg) {
                    Long scheduled = legScheduled.remove(leg.getTradeId());
                    Long sentMillis = legSentMillis.remove(leg.getTradeId());
                    if (scheduled != null) {
                        legNanos.add(now - scheduled);
                        legExecutedNanos.add(TimeUnit.MILLISECONDS.toNanos(
                                leg.getExecutedAt().toEpochMilli() - sentMillis));
                    }
                }
            }
        }
    }

    private static String kind(JupiterQuoted quoted) {
        if (quoted.getStatus() != JupiterQuoteStatus.QUOTED) {
            return quoted.getStatus().name();
        }
        if (quoted.getSource() == QuoteSource.SIMULATED) {
            return "simulated";
        }
        return quoted.getFromCache() ? "curve" : "firm";
    }

    private void report(int rate, int seconds, int latencyMs, String budget, String concurrency, String mode,
            double callsPerSecond) {
        int trades = rate * seconds;
        log.info("RESULT: {} trades at {}/s for {} s, mode {}, Jupiter {} ms, budget {}/s, max concurrency {}",
                trades, rate, seconds, mode, latencyMs, budget, concurrency);
        log.info("RESULT: answers {} of {} (by source {}; {} missing), latency {}", answerNanos.size(), trades,
                new TreeMap<>(answerKinds), quoteScheduled.size(), percentiles(answerNanos));
        log.info("RESULT: committed DEX legs {} of {} ({} missing), latency {} (decision sent to leg executed: {})",
                legNanos.size(), trades, legScheduled.size(), percentiles(legNanos), percentiles(legExecutedNanos));
        log.info("RESULT: Jupiter calls {}/s during the load; load average {}", String.format("%.1f", callsPerSecond),
                String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return "p50 " + millis(sorted, 0.50) + " / p95 " + millis(sorted, 0.95) + " / p99 " + millis(sorted, 0.99)
                + " / max " + millis(sorted, 1.0) + " ms";
    }

    private static long millis(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, index)));
    }

    private static KafkaProducer<String, Object> producer(EmbeddedKafkaKraftBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new AvroEventSerializer());
    }

    private static KafkaConsumer<String, Object> consumer(EmbeddedKafkaKraftBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroEventDeserializer()::deserialize);
        List<TopicPartition> partitions = Stream.of(Topics.JUPITER_QUOTED, Topics.JUPITER_EXECUTED)
                .flatMap(topic -> waitForPartitions(consumer, topic.name()).stream()).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<TopicPartition> waitForPartitions(KafkaConsumer<String, Object> consumer, String topic) {
        for (int i = 0; i < 300; i++) {
            var infos = consumer.partitionsFor(topic);
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("quote-service did not declare " + topic);
    }
}
