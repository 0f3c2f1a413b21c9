package io.otcrouter.otcpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.testsupport.openapi.PublishedApiDescription;

/**
 * The pool admin API's published OpenAPI description ({@code docs/openapi/otc-pool-service.json}) is the one the
 * code generates, fetched over HTTP with a read key as an integrator would.
 */
class ApiDescriptionIT extends OtcPoolIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void shouldPublishTheDescriptionTheCodeGenerates() throws Exception {
        HttpResponse<String> description = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).header(ApiKeys.HEADER, ApiKeys.READ).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(description.statusCode()).isEqualTo(200);
        PublishedApiDescription.of("otc-pool-service").assertMatches(description.body());
    }
}
