package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.otcrouter.testsupport.openapi.PublishedApiDescription;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The ledger API's published OpenAPI description ({@code docs/openapi/ledger-service.json}) is the one the code
 * generates, fetched over HTTP with a read key as an integrator would.
 */
@LedgerIT
@TestPropertySource(properties = ApiKeys.CONFIGURED)
@Import(ConsumedTopics.class)
class ApiDescriptionIT {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useShared(registry);
    }

    @Test
    void shouldPublishTheDescriptionTheCodeGenerates() throws Exception {
        HttpResponse<String> description = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).header(ApiKeys.HEADER, ApiKeys.READ).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(description.statusCode()).isEqualTo(200);
        PublishedApiDescription.of("ledger-service").assertMatches(description.body());
    }
}
