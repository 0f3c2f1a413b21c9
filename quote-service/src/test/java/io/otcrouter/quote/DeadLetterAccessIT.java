package io.otcrouter.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kafka-support's dead-letter tools in an API-key service: only a key with the {@code ops} scope lists, reads and
 * replays quote-service's dead letters (a metrics key gets 403, no key 401, both problem+json), and the ops scope
 * opens nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=simulated",
        "otc.jupiter.base-url=http://localhost:9/unused",
        "otc.kafka.retry-initial=50ms", "otc.kafka.retry-max=200ms",
        "otc.security.api-keys=quote-it:metrics:" + QuoteServiceIT.METRICS_KEY_DIGEST
                + ",operator:ops:" + DeadLetterAccessIT.OPS_KEY_DIGEST})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class DeadLetterAccessIT {

    static final String OPS_KEY = "quote-it-ops-key-5e1a";
    /** printf %s "$OPS_KEY" | sha256sum */
    static final String OPS_KEY_DIGEST = "49762bd69c38119506ab77b6cba2f3061f863a17f0a7598307458736e7b184a3";

    private static final String PROBLEM = "application/problem+json";
    private static final String QUOTES_DLT = Topics.QUOTES_REQUESTED.deadLetterTopic();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Test
    void shouldKeepTheDeadLettersToAnOpsKeyAndTheOpsKeyToTheDeadLetters() {
        for (String[] route : List.of(new String[] {"GET", DeadLetterPaths.ROOT},
                new String[] {"GET", DeadLetterPaths.ROOT + "/" + QUOTES_DLT + "/0"},
                new String[] {"POST", DeadLetterPaths.ROOT + "/" + QUOTES_DLT + "/replay"})) {
            HttpResponse<String> anonymous = send(route[0], route[1], null);
            assertThat(anonymous.statusCode()).as(route[1]).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(route[1]).hasValue(PROBLEM);
            HttpResponse<String> metrics = send(route[0], route[1], QuoteServiceIT.METRICS_KEY);
            assertThat(metrics.statusCode()).as(route[1]).isEqualTo(403);
            assertThat(metrics.headers().firstValue("Content-Type")).as(route[1]).hasValue(PROBLEM);
        }
        assertThat(send("GET", "/actuator/prometheus", OPS_KEY).statusCode()).isEqualTo(403);

        HttpResponse<String> listed = send("GET", DeadLetterPaths.ROOT, OPS_KEY);

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).valueStream().map(topic -> topic.get("topic").asString()))
                .containsExactly(QUOTES_DLT, Topics.ROUTES_DECIDED.deadLetterTopic());
    }

    @Test
    void shouldLetAnOpsKeyReadAndReplayAPoisonedQuoteRequestOnce() throws Exception {
        kafka.send(Topics.QUOTES_REQUESTED.name(), "SOL/USDC", "garbage".getBytes(StandardCharsets.UTF_8)).get();
        String page = DeadLetterPaths.ROOT + "/" + QUOTES_DLT + "/0";
        await().atMost(Duration.ofSeconds(30)).until(() -> !json(send("GET", page, OPS_KEY)).get("records").isEmpty());
        JsonNode letter = json(send("GET", page, OPS_KEY)).get("records").get(0);
        assertThat(letter.get("key").asString()).isEqualTo("SOL/USDC");
        assertThat(letter.get("decodeError").asString()).contains("not Avro single-object encoded");
        String replay = page + "/" + letter.get("offset").asLong() + "/replay";

        JsonNode first = json(send("POST", replay, OPS_KEY));
        JsonNode second = json(send("POST", replay, OPS_KEY));

        assertThat(first.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(first.get("topic").asString()).isEqualTo(Topics.QUOTES_REQUESTED.name());
        assertThat(second.get("status").asString()).isEqualTo("ALREADY_REPLAYED");
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
