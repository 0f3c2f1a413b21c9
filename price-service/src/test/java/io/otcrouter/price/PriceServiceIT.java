package io.otcrouter.price;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.testsupport.kafka.TopicReader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.prices.refresh-interval=1s",
        "otc.security.api-keys=price-it:read+metrics:" + PriceServiceIT.KEY_DIGEST })
// spring-kafka 4 runs the embedded broker in KRaft mode only (the kraft attribute is gone).
@EmbeddedKafka(partitions = 1)
class PriceServiceIT {

    static final String KEY = "price-it-key-4c2b90";
    /** printf %s "$KEY" | sha256sum */
    static final String KEY_DIGEST = "bb3b1888b07ac80cb0fff18a4b9ed37d7c4205c8695783d1bdf49bd087a07e02";
    private static final String SOL_MINT = "So11111111111111111111111111111111111111112";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final WireMockServer COINGECKO = new WireMockServer(wireMockConfig().dynamicPort());
    /** Kraken and Binance answer too, with their real payloads, for no token of the default catalog. */
    private static final WireMockServer KRAKEN = new WireMockServer(wireMockConfig().dynamicPort());
    private static final WireMockServer BINANCE = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        COINGECKO.start();
        COINGECKO.stubFor(get(urlPathEqualTo("/api/v3/simple/price")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "119")
                .withBody(fixture("fixtures/coingecko-429-rate-limit.json"))));
        // The ticker fixture is XXBTZUSD only: Kraken answers, but not for SOLUSD or any catalog pair.
        KRAKEN.start();
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("fixtures/kraken-ticker-xxbtzusd-docs.json"))));
        BINANCE.start();
        BINANCE.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).willReturn(aResponse().withStatus(451)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("fixtures/binance-error-451-restricted-location.json"))));
    }

    @Autowired
    private EmbeddedKafkaBroker broker;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void coinGecko(DynamicPropertyRegistry registry) {
        registry.add("otc.coingecko.base-url", () -> COINGECKO.baseUrl() + "/api/v3");
        registry.add("otc.kraken.base-url", KRAKEN::baseUrl);
        registry.add("otc.binance.base-url", BINANCE::baseUrl);
    }

    @AfterAll
    static void stopSources() {
        COINGECKO.stop();
        KRAKEN.stop();
        BINANCE.stop();
    }

    @Test
    void shouldPublishTheStaticSolPriceWhenCoinGeckoIsRateLimited() {
        PriceUpdated event;
        try (TopicReader<SpecificRecord> prices = new TopicReader<>(broker, Topics.PRICES_UPDATED.name(),
                new AvroEventDeserializer())) {
            event = (PriceUpdated) prices.awaitRecord(
                    record -> "SOL".equals(record.key()) && record.value() instanceof PriceUpdated).value();
        }
        assertThat(event.getSource()).isEqualTo(PriceSource.STATIC);
        assertThat(event.getStale()).isTrue();
        assertThat(event.getSymbol()).isEqualTo("SOL");
        assertThat(event.getMint()).isEqualTo(SOL_MINT);
        assertThat(event.getPriceUsd()).isEqualTo(new BigDecimal("150.000000000000"));
        assertThat(event.getChange24hPct()).isNull();
    }

    @Test
    void shouldServeTheStaticSolPriceOverHttpWhenCoinGeckoIsRateLimited() {
        String body = http().get().uri("/api/prices").retrieve().body(String.class);

        JsonNode json = JSON.readTree(body);
        JsonNode sol = json.get("prices").get("SOL");
        assertThat(sol.get("price").isNumber()).isTrue();
        assertThat(sol.get("price").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(sol.get("source").asString()).isEqualTo("STATIC");
        assertThat(sol.get("mint").asString()).isEqualTo(SOL_MINT);
        assertThat(sol.get("lastUpdated").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(json.get("source").asString()).isEqualTo("STATIC");
        // Written from BigDecimal as plain numbers: a double would have given 150.0 and 2.0E-5.
        assertThat(body).contains("\"price\":150.00").contains("\"price\":0.00002,");
    }

    @Test
    void shouldHonourCoinGeckosRetryAfterAndOpenBinancesBreakerInsteadOfHammeringThem() {
        // Rounds run every second. CoinGecko said "retry after 119 s"; Binance's breaker opens after two
        // failures (minimum-number-of-calls 2, failure rate 50 %) and stays open 60 s; Kraken keeps answering.
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(KRAKEN, "/0/public/Ticker") >= 4);

        assertThat(requests(COINGECKO, "/api/v3/simple/price")).isEqualTo(1);
        assertThat(requests(BINANCE, "/api/v3/ticker/24hr")).isEqualTo(2);
        String state = http().get().uri("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:binance&tag=state:open")
                .retrieve().body(String.class);
        assertThat(JSON.readTree(state).get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
        String readiness = http().get().uri("/actuator/health/readiness").retrieve().body(String.class);
        assertThat(JSON.readTree(readiness).get("status").asString()).as("an open breaker is not our outage")
                .isEqualTo("UP");
    }

    @Test
    void shouldExposeRequestMetricsPerSource() {
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(KRAKEN, "/0/public/Ticker") >= 1);

        String body = http().get().uri("/actuator/metrics/otc.price.source.requests?tag=source:kraken&tag=outcome:success")
                .retrieve().body(String.class);

        JsonNode count = JSON.readTree(body).get("measurements").get(0);
        assertThat(count.get("statistic").asString()).isEqualTo("COUNT");
        assertThat(count.get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void shouldExposeWhichSourceSuppliesEachTokenOnThePrometheusEndpoint() {
        // Scraped until the first round has called Kraken and published, whichever test runs first.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = http().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).retrieve()
                    .body(String.class);

            // No source knows SOL (CoinGecko 429, Kraken answers BTC only, Binance 451): static and stale throughout.
            assertThat(series(scrape, "otc_price_source_in_use")).anySatisfy(line -> assertThat(line)
                    .contains("service=\"price-service\"", "source=\"static\"", "symbol=\"SOL\"")
                    .endsWith(" 1.0"));
            assertThat(series(scrape, "otc_price_source_in_use")).anySatisfy(line -> assertThat(line)
                    .contains("source=\"kraken\"", "symbol=\"SOL\"").endsWith(" 0.0"));
            assertThat(series(scrape, "otc_price_stale")).anySatisfy(line -> assertThat(line)
                    .contains("service=\"price-service\"", "symbol=\"SOL\"").endsWith(" 1.0"));
            assertThat(series(scrape, "otc_price_source_requests_seconds_bucket")).anySatisfy(line -> assertThat(line)
                    .contains("source=\"kraken\"", "outcome=\"success\"", "le=\""));
            assertThat(series(scrape, "kafka_producer_record_send_total")).as("the PriceUpdated producer's metrics")
                    .anySatisfy(line -> assertThat(line).contains("service=\"price-service\""));
        });
    }

    /** The samples of one metric in a Prometheus text scrape. */
    private static List<String> series(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + "{")).toList();
    }

    @Test
    void shouldBeReadyWhileCoinGeckoIsDown() {
        String body = http().get().uri("/actuator/health/readiness").retrieve().body(String.class);

        assertThat(JSON.readTree(body).get("status").asString()).isEqualTo("UP");
    }

    private static int requests(WireMockServer server, String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    @Test
    void shouldAnswerPricesAndMetricsOnlyToAKeyAndHealthToAnyone() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        assertThat(anonymous.get().uri("/api/prices").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(anonymous.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(anonymous.get().uri(URI.create("http://localhost:" + port + "/%61pi/prices")).header("X-API-Key", KEY)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-API-Key", KEY).build();
    }

    private static String fixture(String path) {
        try (InputStream in = PriceServiceIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
