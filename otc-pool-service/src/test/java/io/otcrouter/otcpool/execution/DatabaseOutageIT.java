package io.otcrouter.otcpool.execution;

import static io.otcrouter.testsupport.events.TestTokens.JUP;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.reservation.Reservations;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.LivePrices;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.Pools;
import io.otcrouter.testsupport.jdbc.SwitchableDataSource;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * PostgreSQL goes away under a decision and comes back: the decision waits on its partition, retried with backoff,
 * instead of going to the dead-letter topic, and its leg is filled once, when the database is back. Meanwhile the
 * instance says it is not ready (so it gets no traffic) but still live (so it is not restarted for nothing), and its
 * periodic sweeps each log the outage once, as a warning, not an error with a stack trace at every run.
 */
class DatabaseOutageIT extends OtcPoolIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Attempts the old rule allowed before dead-lettering: the first and two retries. */
    private static final int OLD_RULE_ATTEMPTS = 3;

    @Autowired
    private SwitchableDataSource database;
    @Autowired
    private PoolAdmin admin;
    @Autowired
    private ReferencePrices prices;
    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;
    @LocalServerPort
    private int port;

    private TopicReader<byte[]> collector;
    /**
     * The lines of the pool's own sweeps. (Had one thrown, the scheduler would have logged it elsewhere, and it would
     * not have logged its warning.)
     */
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(Reservations.class),
            (Logger) LoggerFactory.getLogger(FillScheduler.class));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void witnesses() {
        collector = TopicReader.bytes(brokers, List.of(Topics.POOLS_EXECUTED.name(),
                Topics.ROUTES_DECIDED.deadLetterTopic()));
        logged.start();
        loggers.forEach(logger -> logger.addAppender(logged));
    }

    @AfterEach
    void databaseBack() {
        database.restore();
        collector.close();
        loggers.forEach(logger -> logger.detachAppender(logged));
    }

    @Test
    void shouldHoldADecisionWhileTheDatabaseIsDownAndFillItsLegOnceWhenItIsBackWithoutDeadLetteringIt() {
        String poolId = Pools.newId(JUP, USDC);
        admin.create(Pools.pool(poolId, JUP, USDC, "50000", "100000", "10", "20000", 10_000), ApiKeys.ADMIN_ID);
        LivePrices.set(prices, JUP, "1");
        LivePrices.set(prices, USDC, "1");
        RouteDecided decision = Events.otcDecision(JUP, USDC, poolId, UUID.randomUUID().toString(),
                Pools.atomic(JUP, "100"), BigInteger.ONE);
        int refusedBefore = database.refusedToListeners();

        database.cutOff();
        kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);

        await().atMost(WAIT).until(() -> database.refusedToListeners() - refusedBefore > OLD_RULE_ATTEMPTS);
        assertThat(probe("readiness").value()).as("not ready while the database is away").isEqualTo(503);
        assertThat(probe("liveness").value()).as("still live").isEqualTo(200);
        await().atMost(WAIT).until(() -> lines(Level.WARN, "Expired firm quotes not released") == 1
                && lines(Level.WARN, "Overdue pending fills not looked for") == 1);
        database.restore();

        LegExecuted executed = await().atMost(WAIT).until(() -> collector.events(Topics.POOLS_EXECUTED.name(),
                LegExecuted.class, e -> e.getTradeId().equals(decision.getTradeId())), found -> !found.isEmpty())
                .get(0);
        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getPoolId()).isEqualTo(poolId);
        assertThat(jdbc.queryForObject("select count(*) from otc_pool.pool_fill where trade_id = ?", Long.class,
                decision.getTradeId())).isEqualTo(1L);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> collector.recordsWithKey(
                Topics.ROUTES_DECIDED.deadLetterTopic(), decision.getTradeId()), List::isEmpty);
        assertThat(probe("readiness").value()).as("ready again").isEqualTo(200);
        await().atMost(WAIT).until(() -> lines(Level.INFO, "Expired firm quotes are released again") == 1
                && lines(Level.INFO, "Overdue pending fills are looked for again") == 1);
        assertThat(lines(Level.WARN, "Expired firm quotes not released")).as("one warning per outage").isEqualTo(1);
        assertThat(lines(Level.WARN, "Overdue pending fills not looked for")).as("one warning per outage").isEqualTo(1);
        assertThat(List.copyOf(logged.list)).as("no error from the sweeps")
                .noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(List.copyOf(logged.list)).filteredOn(line -> line.getFormattedMessage().startsWith("Expired firm")
                || line.getFormattedMessage().startsWith("Overdue pending fills"))
                .as("the outage's lines, without a stack trace").hasSize(4)
                .allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
    }

    @Test
    void shouldBeReadyAndLiveWhileTheDatabaseAnswers() {
        assertThat(probe("readiness").value()).isEqualTo(200);
        assertThat(probe("liveness").value()).isEqualTo(200);
    }

    private long lines(Level level, String text) {
        return List.copyOf(logged.list).stream()
                .filter(line -> line.getLevel() == level && line.getFormattedMessage().startsWith(text)).count();
    }

    /** The status of {@code /actuator/health/<group>}: 200 when UP, 503 when DOWN. */
    private HttpStatusCode probe(String group) {
        return RestClient.create("http://localhost:" + port).get().uri("/actuator/health/{group}", group)
                .exchange((request, response) -> response.getStatusCode());
    }

}
