package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tracing.TradeIds;

/**
 * The router on a real broker and a real PostgreSQL, with the venues played by {@link FakeVenues}; the desk trades
 * with its API key, Prometheus scrapes with its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestApiKeys.PROPERTY})
@EmbeddedKafka(partitions = 1)
class RouterServiceIT extends RouterIntegrationTest {

    private FakeVenues venues;

    @BeforeEach
    void startVenues() {
        venues = FakeVenues.usual(broker.getBrokersAsString());
        await().atMost(Duration.ofSeconds(30)).until(this::ready);
    }

    @AfterEach
    void stopVenues() {
        venues.close();
    }

    @Test
    void shouldDecideForThePoolThatPaysMoreAndPublishTheDecision() throws Exception {
        String clientOrderId = "it-" + UUID.randomUUID();
        HttpResponse<String> response = post("/api/trades", """
                {"inputToken":"SOL","outputToken":"USDC","amount":"1000","slippageBps":50,"clientOrderId":"%s"}
                """.formatted(clientOrderId));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> l.startsWith("/api/trades/"));
        assertThat(response.body()).contains("\"route\":\"OTC\"").contains("\"expectedOutput\":\"149625.000000\"")
                .contains("\"submittedBy\":\"api-key:desk\"")
                .contains("\"expectedSaving\":\"1625.000000\"");

        ConsumerRecord<String, Object> record = new PublishedRecords(broker.getBrokersAsString())
                .decisionRecord(clientOrderId);
        RouteDecided decided = (RouteDecided) record.value();
        assertThat(record.headers().lastHeader(TradeIds.HEADER)).isNotNull()
                .satisfies(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                        .isEqualTo(decided.getTradeId()));
        assertThat(decided.getRoute()).isEqualTo(Route.OTC);
        assertThat(decided.getSubmittedBy()).isEqualTo("api-key:desk");
        assertThat(decided.getAmountIn().toBigIntegerExact()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(decided.getLegs()).singleElement().satisfies(leg -> {
            assertThat(leg.getVenue()).isEqualTo(Venue.OTC);
            assertThat(EventDecimals.toAtomic(leg.getExpectedOutAmount())).isEqualTo(new BigInteger("149625000000"));
        });
        assertThat(decided.getCandidates()).hasSize(2).allSatisfy(c -> assertThat(c.getNetOutAmount())
                .isEqualByComparingTo(c.getOutAmount().subtract(decided.getNetworkFeePerLegOutAmount())));
        assertThat(response.body()).contains("\"netOutput\":");
        assertThat(get(response.headers().firstValue("Location").orElseThrow()).body()).contains(clientOrderId);
    }

    @Test
    void shouldQuoteWithoutPublishingADecision() throws Exception {
        venues.rates(new BigDecimal("0.150"), new BigDecimal("0.149625"));

        HttpResponse<String> response = get("/api/quote?inputToken=SOL&outputToken=USDC&amount=1000");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"route\":\"DEX\"").contains("\"status\":\"INDICATIVE\"");
        assertThat(venues.requests).anySatisfy(request -> assertThat(request.getIndicative()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"-1\"}",
            "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"0\"}",
            "{\"inputToken\":\"NOPE\",\"outputToken\":\"USDC\",\"amount\":\"1\"}",
            "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\",\"price\":\"1\"}" })
    void shouldRefuseBadInputWithAProblemAndPublishNothing(String body) throws Exception {
        int requestsBefore = venues.requests.size();

        HttpResponse<String> response = post("/api/trades", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\"");
        // A request that was published would have been answered by the fake venues by now.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> venues.requests.size() == requestsBefore);
    }

    @Test
    void shouldExposeDecisionLatencyVenueQuotesAndConsumerLagToPrometheus() throws Exception {
        HttpResponse<String> trade = post("/api/trades", """
                {"inputToken":"SOL","outputToken":"USDC","amount":"10","clientOrderId":"it-%s"}
                """.formatted(UUID.randomUUID()));
        assertThat(trade.statusCode()).isEqualTo(201);

        // Kafka client meters are bound once the consumers report them: wait for the lag gauge, then read it all.
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/prometheus", TestApiKeys.METRICS).body()
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
        HttpResponse<String> scrape = get("/actuator/prometheus", TestApiKeys.METRICS);

        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(series(metrics, "otc_router_decision_seconds_count"))
                .anySatisfy(line -> assertThat(line).contains("route=\"OTC\"", "service=\"router-service\""));
        assertThat(series(metrics, "otc_router_decision_seconds_bucket"))
                .anySatisfy(line -> assertThat(line).contains("route=\"OTC\"", "le=\""));
        assertThat(series(metrics, "otc_router_quotes_received_total"))
                .anySatisfy(line -> assertThat(line).contains("venue=\"DEX\"", "source=\"SIMULATED\""))
                .anySatisfy(line -> assertThat(line).contains("venue=\"OTC\"", "source=\"QUOTED\""));
        assertThat(series(metrics, "otc_router_quotes_missing_total"))
                .anySatisfy(line -> assertThat(line).contains("venue=\"DEX\""))
                .anySatisfy(line -> assertThat(line).contains("venue=\"OTC\""));
        assertThat(series(metrics, "kafka_consumer_fetch_manager_records_lag_max"))
                .anySatisfy(line -> assertThat(line).contains("service=\"router-service\""));
    }

    /** The samples of one Prometheus series, each a line like {@code name{tag="value",...} 1.0}. */
    private static List<String> series(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + "{")).toList();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, Map.of("X-API-Key", TestApiKeys.DESK));
    }
}
