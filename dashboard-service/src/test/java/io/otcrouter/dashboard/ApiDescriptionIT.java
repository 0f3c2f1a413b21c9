package io.otcrouter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.testsupport.openapi.PublishedApiDescription;

/**
 * The published OpenAPI description of the dashboard's JSON API ({@code docs/openapi/dashboard-service.json}) is the
 * one the code generates, fetched over HTTP by a viewer with HTTP Basic, as a script would. Configured as
 * {@link DashboardServiceIT}, so the two share one dashboard.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                // Nothing listens on port 9 (discard): otc-pool-service is down.
                "otc.pool.url=http://127.0.0.1:9",
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
class ApiDescriptionIT {

    @LocalServerPort
    private int port;

    @Test
    void shouldPublishTheDescriptionTheCodeGenerates() {
        String viewer = TestUsers.VIEWER.name() + ":" + TestUsers.VIEWER.password();
        HttpResponse<String> description = DashboardSession.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(viewer.getBytes(StandardCharsets.UTF_8))));

        assertThat(description.statusCode()).isEqualTo(200);
        PublishedApiDescription.of("dashboard-service").assertMatches(description.body());
    }
}
