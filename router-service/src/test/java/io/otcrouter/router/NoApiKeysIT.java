package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** API keys are always required: a router started without any refuses every route but health with 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.security.api-keys="})
@EmbeddedKafka(partitions = 1)
class NoApiKeysIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/trades",
            "GET, /api/quote?inputToken=SOL&outputToken=USDC&amount=1",
            "GET, /api/trades/0b7c6f9e-4d1e-4c1a-9f5e-2f0c7f1d2a3b",
            "GET, /actuator/prometheus"})
    void shouldRefuseEveryProtectedRouteWhateverKeyIsSent(String method, String path) throws Exception {
        for (String key : new String[] {null, TestApiKeys.DESK, ""}) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString(
                            "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\"}")
                            : HttpRequest.BodyPublishers.noBody());
            if (key != null) {
                request.header("X-API-Key", key);
            }

            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("key %s", key).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void shouldKeepHealthOpen() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
    }
}
