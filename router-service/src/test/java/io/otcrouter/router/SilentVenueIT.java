package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import tools.jackson.databind.JsonNode;

/**
 * Silence is not a refusal (issue 16): a trade no venue can fill because Jupiter's side did not answer in time is
 * answered 503 with nothing decided, published or tracked, and a retry with the same Idempotency-Key decides it
 * (the same trade id) once Jupiter answers; a trade Jupiter answered but outside the price band is still rejected
 * (422, decision published). The pools are played by {@link FakeVenues} at rates no band accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        TestApiKeys.PROPERTY,
        "otc.router.quote-timeout=1s"})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class SilentVenueIT extends RouterIntegrationTest {

    private static final String TRADE = """
            {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"%s"}""";
    /** 150 USDC per SOL, the reference below; 0.15 atomic USDC per lamport. */
    private static final BigDecimal IN_BAND = new BigDecimal("0.148");
    private static final BigDecimal FAR_OUT_OF_BAND = new BigDecimal("0.05");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferencePrices prices;
    @Autowired
    MeterRegistry meters;

    private FakeVenues venues;
    private PublishedRecords published;

    @BeforeEach
    void start() {
        TokenCatalog tokens = TokenCatalog.defaults();
        Instant now = Instant.now();
        prices.update(tokens.bySymbol("SOL").orElseThrow().mint(), ReferencePrice.live(new BigDecimal("150"), now));
        prices.update(tokens.bySymbol("USDC").orElseThrow().mint(), ReferencePrice.live(BigDecimal.ONE, now));
        // No pool within the band: whether the trade can be filled is Jupiter's alone.
        venues = new FakeVenues(broker.getBrokersAsString(), IN_BAND, FAR_OUT_OF_BAND);
        published = new PublishedRecords(broker.getBrokersAsString());
        await().atMost(Duration.ofSeconds(30)).until(this::ready);
    }

    @AfterEach
    void stop() {
        venues.close();
    }

    @Test
    void shouldAnswer503AndDecideNothingWhileJupiterIsSilentThenDecideTheSameTradeOnRetry() throws Exception {
        String key = "silent-" + UUID.randomUUID();
        String clientOrderId = "silent-" + UUID.randomUUID();
        long decisionsBefore = published.decisions();
        double unquotedBefore = unquoted("trade");
        venues.dexSilent(true);

        HttpResponse<String> silent = post(clientOrderId, key);

        assertThat(silent.statusCode()).isEqualTo(503);
        assertThat(silent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(silent.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        JsonNode problem = JSON.readTree(silent.body());
        assertThat(problem.get("title").asString()).isEqualTo("No quote in time");
        assertThat(problem.get("detail").asString()).contains("Jupiter (quote-service)")
                .contains("Nothing was traded; retry with the same Idempotency-Key");
        assertThat(unquoted("trade")).isEqualTo(unquotedBefore + 1);
        String tradeId = claimedTradeId(key);
        assertThat(tracked(tradeId)).as("nothing stored as a decision").isZero();
        assertThat(published.decisions()).as("nothing published").isEqualTo(decisionsBefore);

        venues.dexSilent(false);
        HttpResponse<String> retry = post(clientOrderId, key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        JsonNode trade = JSON.readTree(retry.body());
        assertThat(trade.get("tradeId").asString()).as("the key's trade id, decided afresh").isEqualTo(tradeId);
        assertThat(trade.get("route").asString()).isEqualTo(Route.DEX.name());
        assertThat(tracked(tradeId)).isOne();
        RouteDecided decision = published.decision(clientOrderId);
        assertThat(decision.getTradeId()).isEqualTo(tradeId);
        assertThat(published.decisions() - decisionsBefore).as("one decision for the intent").isEqualTo(1);
    }

    @Test
    void shouldStillRejectWhenJupiterAnsweredOutsideTheBand() throws Exception {
        String clientOrderId = "out-of-band-" + UUID.randomUUID();
        venues.rates(FAR_OUT_OF_BAND, FAR_OUT_OF_BAND);
        try {
            HttpResponse<String> rejected = post(clientOrderId, "band-" + UUID.randomUUID());

            assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
            JsonNode problem = JSON.readTree(rejected.body());
            String tradeId = problem.get("tradeId").asString();
            assertThat(problem.get("detail").asString()).contains("No venue can fill");
            RouteDecided decision = published.decision(clientOrderId);
            assertThat(decision.getRoute()).isEqualTo(Route.REJECTED);
            assertThat(decision.getTradeId()).isEqualTo(tradeId);
            assertThat(tracked(tradeId)).isOne();
        } finally {
            venues.rates(IN_BAND, FAR_OUT_OF_BAND);
        }
    }

    @Test
    void shouldAnswer503ToAQuoteWhileJupiterIsSilent() throws Exception {
        double unquotedBefore = unquoted("quote");
        long decisionsBefore = published.decisions();
        venues.dexSilent(true);
        try {
            HttpResponse<String> quote = get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1000");

            assertThat(quote.statusCode()).isEqualTo(503);
            assertThat(quote.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(quote.headers().firstValue("Retry-After")).isPresent();
            assertThat(unquoted("quote")).isEqualTo(unquotedBefore + 1);
            assertThat(published.decisions()).isEqualTo(decisionsBefore);
        } finally {
            venues.dexSilent(false);
        }
    }

    private HttpResponse<String> post(String clientOrderId, String idempotencyKey) throws Exception {
        return send("POST", "/api/trades", TRADE.formatted(clientOrderId),
                Map.of("X-API-Key", TestApiKeys.DESK, "Idempotency-Key", idempotencyKey));
    }

    private String claimedTradeId(String key) {
        return jdbc.sql("select trade_id from idempotency_key where idempotency_key = :key").param("key", key)
                .query(String.class).single();
    }

    private int tracked(String tradeId) {
        return jdbc.sql("select count(*) from tracked_trade where trade_id = :id").param("id", tradeId)
                .query(Integer.class).single();
    }

    private double unquoted(String request) {
        var counter = meters.find("otc.router.trades.unquoted").tag("request", request).counter();
        return counter == null ? 0 : counter.count();
    }
}
