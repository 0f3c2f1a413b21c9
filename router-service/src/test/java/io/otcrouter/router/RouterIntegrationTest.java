package io.otcrouter.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * What the router's HTTP integration tests share: the router on a random port, on the JVM's embedded PostgreSQL
 * ({@link EmbeddedPostgresHolder}) and the embedded broker, plain HTTP calls to it and a JSON reader for the
 * answers. Each test class still says on its own {@code @SpringBootTest} and {@code @EmbeddedKafka} how the router
 * is configured, so each has a context of its own.
 */
abstract class RouterIntegrationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
    }

    /** Whether the router reports ready (health open to all, so asked without a key). */
    boolean ready() throws Exception {
        return send("GET", "/actuator/health/readiness", null, Map.of()).body().contains("UP");
    }

    /** A GET with the desk's API key. */
    HttpResponse<String> get(String path) throws Exception {
        return get(path, TestApiKeys.DESK);
    }

    HttpResponse<String> get(String path, String apiKey) throws Exception {
        return send("GET", path, null, Map.of("X-API-Key", apiKey));
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return HTTP.send(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with these headers; a body, if any, as JSON. */
    HttpRequest request(String method, String path, String body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(uri(path));
        headers.forEach(builder::header);
        if ("GET".equals(method) || "HEAD".equals(method) || body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
