package io.otcrouter.otcpool.execution;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.otcpool.support.Events.SOL_USDC_POOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.OtcPoolApplication;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.admin.TermsInput;
import io.otcrouter.otcpool.quoting.PoolQuoting;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.testsupport.kafka.TopicReader;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The service is stopped in the middle of a fill and started again on the same database and broker: the fill and
 * its LegExecuted end up together, exactly once. Each test has a database of its own (so no other test context's
 * outbox relay can publish its rows) and starts the application itself, twice.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
class CrashRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Nothing listens there: the producer fails after the fill committed, as if Kafka vanished at that moment. */
    private static final String UNREACHABLE_BROKER = "localhost:1";

    private EmbeddedKafkaBroker broker;
    private KafkaProducer<String, Object> producer;
    private TopicReader<byte[]> collector;
    private String jdbcUrl;
    private JdbcTemplate jdbc;
    private String consumerGroup;

    @BeforeAll
    static void consumedTopics() {
        EmbeddedKafkaCondition.getBroker().addTopics(Topics.ROUTES_DECIDED.newTopic(1, (short) 1),
                Topics.PRICES_UPDATED.newTopic(1, (short) 1), Topics.QUOTES_REQUESTED.newTopic(1, (short) 1));
    }

    @BeforeEach
    void infrastructure() {
        broker = EmbeddedKafkaCondition.getBroker();
        Map<String, Object> props = KafkaTestUtils.producerProps(broker.getBrokersAsString());
        producer = new KafkaProducer<>(props, new StringSerializer(), new AvroEventSerializer());
        String database = "crash_" + UUID.randomUUID().toString().replace("-", "");
        jdbcUrl = EmbeddedPostgresHolder.jdbcUrl(database);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
        consumerGroup = "otc-pool-service-" + database;
    }

    @AfterEach
    void close() {
        producer.close();
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void shouldPublishExactlyOneLegExecutedWhenKafkaFailsBetweenTheFillCommitAndItsPublication() {
        RouteDecided decision;
        BigInteger quotedOut;
        try (ConfigurableApplicationContext first = start(false)) {
            PoolQuoted quote = firmQuoteFor1000Sol(first);
            quotedOut = quote.getOutAmount().toBigIntegerExact();
            decision = Events.otcDecision(SOL, USDC, SOL_USDC_POOL, quote.getQuoteId(), sol("1000"), quotedOut);
            send(decision);

            await().atMost(WAIT).until(() -> fillStatus(decision), "FILLED"::equals);
            assertThat(unpublishedExecutions(decision)).isEqualTo(1);
        } // the service goes down with its LegExecuted still in the outbox
        send(decision); // and the decision is delivered once more after the restart
        RouteDecided sentinel = Events.otcDecision("1000", new BigInteger("999999000000"));
        send(sentinel);

        try (ConfigurableApplicationContext second = start(true)) {
            collector = TopicReader.bytes(broker.getBrokersAsString(), List.of(Topics.POOLS_EXECUTED.name()));
            awaitExecution(sentinel);

            List<LegExecuted> executed = executions(decision);
            assertThat(executed).hasSize(1);
            assertThat(executed.get(0).getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(executed.get(0).getOutAmount().toBigIntegerExact()).isEqualTo(quotedOut);
            assertThat(fillCount(decision)).isEqualTo(1);
            assertThat(unpublishedExecutions(decision)).isZero();
            // The topic is shared by the tests of this class, so other trades may have been filled here too: the
            // inventory must have moved by exactly the recorded fills, this one included once.
            assertThat(quoteInventory()).isEqualTo(new BigInteger("7500000000000").subtract(filledOut()));
        }
    }

    @Test
    void shouldCompleteAFillAcceptedBeforeARestartOnceItsDelayIsOver() {
        RouteDecided decision;
        try (ConfigurableApplicationContext first = start(true)) {
            first.getBean(PoolAdmin.class).update(SOL_USDC_POOL,
                    new TermsInput(null, null, null, null, null, null, 2_000, 2_000), ApiKeys.ADMIN_ID);
            PoolQuoted quote = firmQuoteFor1000Sol(first);
            decision = Events.otcDecision(SOL, USDC, SOL_USDC_POOL, quote.getQuoteId(), sol("1000"),
                    quote.getOutAmount().toBigIntegerExact());
            send(decision);

            await().atMost(WAIT).until(() -> fillStatus(decision), "PENDING"::equals);
        } // stopped during the simulated delay: the fill is accepted, its quote claimed, nothing executed yet

        assertThat(fillStatus(decision)).isEqualTo("PENDING");
        try (ConfigurableApplicationContext second = start(true)) {
            collector = TopicReader.bytes(broker.getBrokersAsString(), List.of(Topics.POOLS_EXECUTED.name()));
            LegExecuted executed = awaitExecution(decision);

            assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(fillStatus(decision)).isEqualTo("FILLED");
            assertThat(jdbc.queryForObject("select status from otc_pool.reservation where quote_id = ?",
                    String.class, decision.getLegs().get(0).getQuoteId())).isEqualTo("CONSUMED");
        }
    }

    private ConfigurableApplicationContext start(boolean kafkaReachableForPublishing) {
        // As command-line arguments: they win over application.yml's ${ENV:default} values.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.consumer.group-id=" + consumerGroup,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--otc.kafka.partitions=1",
                "--otc.pools.execution-recovery-interval=200ms"));
        if (!kafkaReachableForPublishing) {
            args.add("--spring.kafka.producer.bootstrap-servers=" + UNREACHABLE_BROKER);
            args.add("--spring.kafka.producer.properties.max.block.ms=300");
        }
        return new SpringApplicationBuilder(OtcPoolApplication.class).run(args.toArray(String[]::new));
    }

    private PoolQuoted firmQuoteFor1000Sol(ConfigurableApplicationContext context) {
        ReferencePrices prices = context.getBean(ReferencePrices.class);
        prices.update(SOL.mint(), ReferencePrice.live(new BigDecimal("150"), Instant.now()));
        prices.update(USDC.mint(), ReferencePrice.live(BigDecimal.ONE, Instant.now()));
        return context.getBean(PoolQuoting.class).quotesFor(Events.quoteRequest(SOL, USDC, "1000")).get(0);
    }

    private void send(RouteDecided decision) {
        producer.send(new ProducerRecord<>(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision));
        producer.flush();
    }

    private LegExecuted awaitExecution(RouteDecided decision) {
        return await().atMost(WAIT).until(() -> executions(decision), found -> !found.isEmpty()).get(0);
    }

    private List<LegExecuted> executions(RouteDecided decision) {
        return collector.events(Topics.POOLS_EXECUTED.name(), LegExecuted.class,
                e -> e.getTradeId().equals(decision.getTradeId()));
    }

    private String fillStatus(RouteDecided decision) {
        return jdbc.query("select status from otc_pool.pool_fill where trade_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, decision.getTradeId());
    }

    private long fillCount(RouteDecided decision) {
        return jdbc.queryForObject("select count(*) from otc_pool.pool_fill where trade_id = ?", Long.class,
                decision.getTradeId());
    }

    private long unpublishedExecutions(RouteDecided decision) {
        return jdbc.queryForObject("select count(*) from otc_pool.outbox where topic = ? and message_key = ?"
                + " and published_at is null", Long.class, Topics.POOLS_EXECUTED.name(), decision.getTradeId());
    }

    private BigInteger quoteInventory() {
        return jdbc.queryForObject("select quote_inventory from otc_pool.pool where id = ?", BigDecimal.class,
                SOL_USDC_POOL).toBigIntegerExact();
    }

    private BigInteger filledOut() {
        return jdbc.queryForObject("select coalesce(sum(out_amount), 0) from otc_pool.pool_fill"
                + " where pool_id = ? and status = 'FILLED'", BigDecimal.class, SOL_USDC_POOL).toBigIntegerExact();
    }

    private static BigInteger sol(String units) {
        return SOL.toAtomic(new BigDecimal(units));
    }
}
