package io.otcrouter.quote;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * quote-service against a real broker and a Jupiter (WireMock) that answers every quote with its real API-gateway
 * 429 body. Subclasses choose the mode.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
abstract class JupiterRateLimitedIT {

    /** Shared by the subclasses and stopped with the test JVM: both contexts point at it. */
    static final WireMockServer JUPITER = new WireMockServer(options().dynamicPort());

    static {
        JUPITER.start();
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote"))
                .willReturn(JupiterFixtures.answer(429, JupiterFixtures.ERROR_429_API_GATEWAY)));
    }

    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void jupiterAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("otc.jupiter.base-url", () -> JUPITER.baseUrl() + "/swap/v1");
    }

    JupiterQuoted requestAQuoteAndAwaitTheAnswer() {
        String requestId = UUID.randomUUID().toString();
        QuoteRequested request = TestEvents.solToUsdcRequest(requestId, new BigDecimal("1000"));
        kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request).join();
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_QUOTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return (JupiterQuoted) reader.awaitRecord(record -> record.value() instanceof JupiterQuoted quoted
                    && quoted.getRequestId().equals(requestId)).value();
        }
    }
}
