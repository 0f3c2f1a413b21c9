package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.router.trades.DecisionNotPublishedException;
import io.otcrouter.router.trades.DecisionPublisher;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * One Idempotency-Key is one trade, whatever happens to the decision's publication: an acknowledgement that does not
 * come, a producer that refuses the decision, a router that crashes with the key in flight. On a real broker and a
 * real PostgreSQL, with the decision's publisher replaced by {@link FaultyDecisionPublisher}; a crash is the state a
 * dead instance leaves in the database (the key claimed in flight, the decision stored, its acknowledgement never
 * recorded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestApiKeys.PROPERTY,
        "otc.router.api.settle-wait=5s", "otc.router.api.publish-wait=2s",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "otc.router.idempotency.in-flight-wait=1s"})
@EmbeddedKafka(partitions = 1)
@Import({ConsumedTopics.class, OneTradePerIntentIT.Faults.class})
class OneTradePerIntentIT extends RouterIntegrationTest {

    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"%s"}""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FaultyDecisionPublisher publisher;
    @Autowired
    MeterRegistry meters;

    private FakeVenues venues;
    private FakeLedger ledger;

    @BeforeEach
    void start() {
        publisher.fault(Fault.NONE);
        venues = FakeVenues.usual(broker.getBrokersAsString());
        ledger = new FakeLedger(broker.getBrokersAsString());
        await().atMost(Duration.ofSeconds(30)).until(() -> ready() && ledger.assigned());
    }

    @AfterEach
    void stop() {
        publisher.fault(Fault.NONE);
        venues.close();
        ledger.close();
    }

    @Test
    void shouldAnswer202WithTheTradesLocationWhenTheAcknowledgementIsLostAndAnswerThatTradeSettledOnRetry()
            throws Exception {
        Submission trade = new Submission("ack-lost");
        publisher.fault(Fault.ACKNOWLEDGEMENT_LOST);

        HttpResponse<String> first = trade.submit("?wait=settled");

        String tradeId = assertUnconfirmed(first);
        assertThat(claim(trade.key)).isEqualTo(new KeyState(tradeId, null, false));
        assertThat(status(tradeId)).as("the tracked trade is kept").isIn("DECIDED", "SETTLED");

        publisher.fault(Fault.NONE);
        HttpResponse<String> retry = trade.submit("?wait=settled");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).hasValue("/api/trades/" + tradeId);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        JsonNode answered = JSON.readTree(retry.body());
        assertThat(answered.get("tradeId").asString()).isEqualTo(tradeId);
        assertThat(answered.get("status").asString()).isEqualTo("SETTLED");
        assertThat(answered.at("/settlement/realizedOutput").asString()).isEqualTo("149625.000000");
        assertThat(decisionsOf(tradeId)).hasSize(1);
        assertThat(trade.submit("?wait=settled").body()).as("the answer is now stored").isEqualTo(retry.body());
        assertThat(decisionsOf(tradeId)).hasSize(1);
    }

    @Test
    void shouldKeepAnsweringTheSameTradeAsUnconfirmedWhileItsDecisionMayStillLandAndNeverDecideAnother()
            throws Exception {
        Submission trade = new Submission("no-ack");
        publisher.fault(Fault.NEVER_ACKNOWLEDGED);
        double timeoutsBefore = meters.counter("otc.router.decisions.unconfirmed", "why", "timeout").count();

        String tradeId = assertUnconfirmed(trade.submit(""));
        assertThat(meters.counter("otc.router.decisions.unconfirmed", "why", "timeout").count() - timeoutsBefore)
                .isEqualTo(1);
        publisher.fault(Fault.NONE);
        HttpResponse<String> retry = trade.submit("");

        assertThat(assertUnconfirmed(retry)).isEqualTo(tradeId);
        assertThat(claim(trade.key)).isEqualTo(new KeyState(tradeId, null, false));
        HttpResponse<String> polled = get("/api/trades/" + tradeId);
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(polled.body()).get("status").asString()).isEqualTo("DECIDED");
        assertThat(decisionsOf(tradeId)).isEmpty();
        assertThat(publisher.decided(trade.clientOrderId)).as("decisions made for the intent").isEqualTo(1);
    }

    @Test
    void shouldDecideTheSameTradeIdOnceMoreWhenTheProducerRefusedTheDecisionAtOnce() throws Exception {
        Submission trade = new Submission("refused");
        publisher.fault(Fault.REFUSED);

        HttpResponse<String> first = trade.submit("");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).contains("Nothing was executed");
        KeyState claimed = claim(trade.key);
        assertThat(claimed.statusCode()).isNull();
        assertThat(claimed.inFlight()).isFalse();
        assertThat(status(claimed.tradeId())).as("nothing tracked for a decision never sent").isNull();

        publisher.fault(Fault.NONE);
        HttpResponse<String> retry = trade.submit("");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body()).get("tradeId").asString()).isEqualTo(claimed.tradeId());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(decisionsOf(claimed.tradeId())).hasSize(1);
    }

    @Test
    void shouldAnswerTheTradeACrashedRouterPublishedOnceTheClaimIsAbandonedAndDecideNothing() throws Exception {
        ledger.settling(false); // no execution nor settlement tells the router: only the log does
        Submission trade = new Submission("crash-after-publish");
        HttpResponse<String> first = trade.submit("");
        assertThat(first.statusCode()).isEqualTo(201);
        String tradeId = JSON.readTree(first.body()).get("tradeId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> decisionsOf(tradeId).size() == 1);
        crashedInFlight(trade.key, Duration.ofSeconds(30));
        jdbc.sql("update tracked_trade set published_at = null where trade_id = :id").param("id", tradeId).update();

        HttpResponse<String> tooSoon = trade.submit("");
        assertThat(tooSoon.statusCode()).as("before abandoned-after the claim may still be running").isEqualTo(409);

        crashedInFlight(trade.key, Duration.ofMinutes(3));
        double answeredBefore = resumed("ANSWER_EXISTING");
        HttpResponse<String> retry = trade.submit("");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(resumed("ANSWER_EXISTING") - answeredBefore).isEqualTo(1);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(retry.body()).get("tradeId").asString()).isEqualTo(tradeId);
        assertThat(decisionsOf(tradeId)).hasSize(1);
        assertThat(publisher.decided(trade.clientOrderId)).isEqualTo(1);
        assertThat(jdbc.sql("select published_at is not null from tracked_trade where trade_id = :id")
                .param("id", tradeId).query(Boolean.class).single()).as("found in the log, recorded").isTrue();
    }

    @Test
    void shouldDecideOnceWithTheStoredTradeIdWhenACrashedRoutersDecisionNeverReachedTheLog() throws Exception {
        Submission trade = new Submission("crash-before-publish");
        publisher.fault(Fault.NEVER_ACKNOWLEDGED);
        String tradeId = assertUnconfirmed(trade.submit("?wait=settled"));
        // The router died while publishing, long enough ago that its producer can no longer append the decision.
        crashedInFlight(trade.key, Duration.ofMinutes(3));
        jdbc.sql("update tracked_trade set decided_at = decided_at - interval '3 minutes' where trade_id = :id")
                .param("id", tradeId).update();
        publisher.fault(Fault.NONE);

        HttpResponse<String> retry = trade.submit("?wait=settled");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode answered = JSON.readTree(retry.body());
        assertThat(answered.get("tradeId").asString()).isEqualTo(tradeId);
        assertThat(answered.get("status").asString()).isEqualTo("SETTLED");
        assertThat(decisionsOf(tradeId)).hasSize(1);
        assertThat(claim(trade.key).statusCode()).isEqualTo(201);
    }

    /** The state a router that died while working on the key leaves: claimed, in flight since {@code ago}. */
    private void crashedInFlight(String key, Duration ago) {
        jdbc.sql("""
                update idempotency_key set status_code = null, response_body = null, content_type = null,
                        location = null, completed_at = null, claimed_at = now() - make_interval(secs => :ago)
                where idempotency_key = :key""").param("key", key).param("ago", ago.toSeconds()).update();
    }

    private double resumed(String outcome) {
        return meters.counter("otc.router.trades.resumed", "outcome", outcome).count();
    }

    private static String assertUnconfirmed(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String tradeId = body.get("tradeId").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/trades/" + tradeId);
        assertThat(body.get("poll").asString()).isEqualTo("/api/trades/" + tradeId);
        assertThat(body.get("detail").asString()).contains("Poll /api/trades/" + tradeId)
                .contains("same Idempotency-Key");
        return tradeId;
    }

    private KeyState claim(String key) {
        return jdbc.sql("""
                select trade_id, status_code, claimed_at is not null as in_flight from idempotency_key
                where idempotency_key = :key""").param("key", key)
                .query((rs, row) -> new KeyState(rs.getString("trade_id"), (Integer) rs.getObject("status_code"),
                        rs.getBoolean("in_flight"))).single();
    }

    private String status(String tradeId) {
        return jdbc.sql("select status from tracked_trade where trade_id = :id").param("id", tradeId)
                .query(String.class).optional().orElse(null);
    }

    /** Every decision on the decisions topic for the trade, read to the end of the log. */
    private List<RouteDecided> decisionsOf(String tradeId) {
        try (TopicReader<Object> decisions = TopicReader.uncommitted(broker, Topics.ROUTES_DECIDED.name(),
                new FakeVenues.AvroEventDeserializerAdapter())) {
            return decisions.readToEnd().stream().filter(record -> tradeId.equals(record.key()))
                    .map(record -> (RouteDecided) record.value()).toList();
        }
    }

    /** One client intent: the same body under the same Idempotency-Key, however often it is sent. */
    private final class Submission {
        final String key = "intent-" + UUID.randomUUID();
        final String clientOrderId;

        Submission(String name) {
            this.clientOrderId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        HttpResponse<String> submit(String query) throws Exception {
            return send("POST", "/api/trades" + query, TRADE.formatted(clientOrderId),
                    Map.of("X-API-Key", TestApiKeys.DESK, "Idempotency-Key", key));
        }
    }

    record KeyState(String tradeId, Integer statusCode, boolean inFlight) {
    }

    enum Fault {
        NONE,
        /** The decision reaches the log but its acknowledgement never reaches the router. */
        ACKNOWLEDGEMENT_LOST,
        /** Nothing reaches the log and the producer never says so. */
        NEVER_ACKNOWLEDGED,
        /** The producer refuses the decision at once (no metadata, full buffer). */
        REFUSED
    }

    /** Publishes decisions as the router does, except for the fault the test sets; counts decisions per intent. */
    static final class FaultyDecisionPublisher implements DecisionPublisher {

        private final KafkaTemplate<String, Object> kafka;
        private final Map<String, Integer> decided = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Fault fault = Fault.NONE;

        FaultyDecisionPublisher(KafkaTemplate<String, Object> kafka) {
            this.kafka = kafka;
        }

        void fault(Fault fault) {
            this.fault = fault;
        }

        int decided(String clientOrderId) {
            return decided.getOrDefault(clientOrderId, 0);
        }

        @Override
        public CompletableFuture<?> publish(RouteDecided decision) {
            decided.merge(decision.getClientOrderId(), 1, Integer::sum);
            return switch (fault) {
                case NONE -> kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
                case ACKNOWLEDGEMENT_LOST -> {
                    kafka.send(Topics.ROUTES_DECIDED.name(), decision.getTradeId(), decision);
                    yield new CompletableFuture<>();
                }
                case NEVER_ACKNOWLEDGED -> new CompletableFuture<>();
                case REFUSED -> throw new DecisionNotPublishedException(decision.getTradeId(),
                        new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata after "
                                + "1000 ms."));
            };
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {

        @Bean
        @Primary
        FaultyDecisionPublisher faultyDecisionPublisher(KafkaTemplate<String, Object> kafka) {
            return new FaultyDecisionPublisher(kafka);
        }
    }
}
