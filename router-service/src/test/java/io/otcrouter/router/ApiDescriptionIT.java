package io.otcrouter.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.openapi.PublishedApiDescription;

/**
 * The trade API's published OpenAPI description ({@code docs/openapi/router-service.json}) is the one the code
 * generates, fetched over HTTP with an API key as an integrator would. Configured as {@link TradeApiIT}, so the two
 * share one router.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        TestApiKeys.PROPERTY,
        "otc.router.api.settle-wait=3s"})
@EmbeddedKafka(partitions = 1)
@Import({ConsumedTopics.class, StatementLog.class})
class ApiDescriptionIT extends RouterIntegrationTest {

    @Test
    void shouldPublishTheDescriptionTheCodeGenerates() throws Exception {
        HttpResponse<String> description = get("/v3/api-docs", TestApiKeys.DESK);

        assertThat(description.statusCode()).isEqualTo(200);
        PublishedApiDescription.of("router-service").assertMatches(description.body());
    }
}
