package io.otcrouter.otcpool.execution;

import static io.otcrouter.testsupport.events.TestTokens.RAY;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.quoting.PoolQuoting;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.LivePrices;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.PoolRows;
import io.otcrouter.otcpool.support.Pools;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * Issue 16: decisions wait in a backlog (the decision listener paused stands for a consumer held up by a database
 * outage) while their firm quotes expire. The sweep keeps every hold that a decision still unread may claim, a
 * decision made while its quote was valid fills at the firm price when it is finally read, and a hold nobody decided
 * on is released once the topic has been read past its expiry.
 */
class DecisionBacklogIT extends OtcPoolIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TTL_MS = 3_000;
    /** Longer than the TTL, the tests' 1 s slack and a few sweeps and progress checks. */
    private static final Duration BACKLOG = Duration.ofSeconds(7);

    @Autowired
    private PoolAdmin admin;
    @Autowired
    private PoolQuoting quoting;
    @Autowired
    private ReferencePrices prices;
    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private PoolRows rows;
    private TopicReader<byte[]> collector;

    @BeforeEach
    void pricesAndWitnesses() {
        rows = new PoolRows(jdbc);
        collector = TopicReader.bytes(brokers, List.of(Topics.POOLS_EXECUTED.name()));
        LivePrices.set(prices, RAY, "2");
        LivePrices.set(prices, USDC, "1");
        LivePrices.set(prices, USDT, "1");
    }

    @AfterEach
    void resume() {
        decisionListener().resume();
        collector.close();
    }

    @Test
    void shouldFillAtTheFirmPriceADecisionMadeInTimeButReadAfterItsQuoteExpired() {
        String poolId = rayPool(USDC);
        String unusedPoolId = rayPool(USDT);
        // Paused first: the decision is then in the topic a moment after it is made, as from the router.
        pauseDecisions();
        PoolQuoted quote = quoteFrom(poolId);
        PoolQuoted nobodyDecided = quoteFrom(unusedPoolId);
        BigInteger quotedOut = quote.getOutAmount().toBigIntegerExact();
        // Made (occurredAt) while the quote was valid, read only after it expired.
        RouteDecided decision = Events.otcDecision(RAY, USDC, poolId, quote.getQuoteId(), Pools.atomic(RAY, "1000"),
                quotedOut);
        assertThat(decision.getOccurredAt()).isBefore(quote.getExpiresAt());
        kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
        LivePrices.set(prices, RAY, "1.5"); // re-priced, the leg would return far less than its minimum

        // Both holds are kept while the decision topic is not read past their expiry, the sweep running meanwhile.
        await().during(BACKLOG).atMost(BACKLOG.plus(WAIT)).until(() -> status(quote).equals("RESERVED")
                && status(nobodyDecided).equals("RESERVED"));
        assertThat(Instant.now()).isAfter(quote.getExpiresAt().plusSeconds(2));
        assertThat(leastReadThrough()).isBefore(quote.getExpiresAt());
        decisionListener().resume();

        LegExecuted executed = await().atMost(WAIT).until(() -> collector.events(Topics.POOLS_EXECUTED.name(),
                LegExecuted.class, e -> e.getTradeId().equals(decision.getTradeId())), found -> !found.isEmpty())
                .get(0);
        assertThat(executed.getStatus()).isEqualTo(LegStatus.FILLED);
        assertThat(executed.getOutAmount().toBigIntegerExact()).isEqualTo(quotedOut);
        assertThat(executed.getExecutionPrice()).isEqualByComparingTo(quote.getPrice());
        assertThat(status(quote)).isEqualTo("CONSUMED");
        assertThat(rows.inventory(poolId)[3]).isZero();
        // Once the backlog is read, the hold of the request nobody decided on goes back too.
        await().atMost(WAIT).until(() -> status(nobodyDecided).equals("RELEASED"));
        assertThat(rows.inventory(unusedPoolId)[3]).isZero();
        assertThat(leastReadThrough()).isAfter(nobodyDecided.getExpiresAt());
    }

    @Test
    void shouldReleaseAHoldNobodyDecidedOnOnceTheTopicIsReadPastItsExpiry() {
        String poolId = rayPool(USDC);
        PoolQuoted quote = quoteFrom(poolId);
        assertThat(rows.inventory(poolId)[3]).isPositive();

        await().atMost(WAIT).until(() -> status(quote).equals("RELEASED"));

        assertThat(rows.inventory(poolId)[3]).isZero();
        assertThat(leastReadThrough()).as("released only once read past its expiry, less the slack")
                .isAfterOrEqualTo(quote.getExpiresAt().plusSeconds(1));
    }

    private void pauseDecisions() {
        MessageListenerContainer container = decisionListener();
        container.pause();
        await().atMost(WAIT).until(container::isPauseRequested);
        await().atMost(WAIT).until(container::isContainerPaused);
    }

    private MessageListenerContainer decisionListener() {
        return listeners.getAllListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(Topics.ROUTES_DECIDED.name()))
                .findFirst().orElseThrow();
    }

    private Instant leastReadThrough() {
        return jdbc.queryForObject("select min(read_through) from otc_pool.decision_progress where topic = ?",
                Timestamp.class, Topics.ROUTES_DECIDED.name()).toInstant();
    }

    private String status(PoolQuoted quote) {
        return jdbc.queryForObject("select status from otc_pool.reservation where quote_id = ?", String.class,
                quote.getQuoteId());
    }

    private String rayPool(Token quote) {
        String poolId = Pools.newId(RAY, quote);
        admin.create(Pools.pool(poolId, RAY, quote, "50000", "100000", "10", "20000", TTL_MS), ApiKeys.ADMIN_ID);
        return poolId;
    }

    private PoolQuoted quoteFrom(String poolId) {
        Token output = poolId.contains("usdt") ? USDT : USDC;
        return quoting.quotesFor(Events.quoteRequest(RAY, output, "1000")).stream()
                .filter(q -> poolId.equals(q.getPoolId())).findFirst().orElseThrow();
    }

}
