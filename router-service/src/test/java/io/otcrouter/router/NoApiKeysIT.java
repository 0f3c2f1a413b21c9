package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** API keys are always required: a router started without any refuses every route but health with 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.security.api-keys="})
@EmbeddedKafka(partitions = 1)
class NoApiKeysIT extends RouterIntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/trades",
            "GET, /api/quote?inputToken=SOL&outputToken=USDC&amount=1",
            "GET, /api/trades/0b7c6f9e-4d1e-4c1a-9f5e-2f0c7f1d2a3b",
            "GET, /actuator/prometheus"})
    void shouldRefuseEveryProtectedRouteWhateverKeyIsSent(String method, String path) throws Exception {
        for (String key : new String[] {null, TestApiKeys.DESK, ""}) {
            String body = "POST".equals(method) ? "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1\"}"
                    : null;

            HttpResponse<String> response = send(method, path, body, key == null ? Map.of() : Map.of("X-API-Key", key));

            assertThat(response.statusCode()).as("key %s", key).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void shouldKeepHealthOpen() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health/liveness", null, Map.of());

        assertThat(health.statusCode()).isEqualTo(200);
    }
}
