package io.otcrouter.quote;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * quote-service in live mode, with a budget that is never the limit, against a WireMock Jupiter that serves the
 * documented 0.1 SOL quote at once, after 1.5 s for slippage 51 and after 10 s (hung) for slippage 52. All requests
 * are for SOL/USDC, so they share one partition and one consumer thread. What is asserted is the order of the answers
 * and where they came from, never a duration.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=live",
        "otc.jupiter.budget.requests-per-second=1000", "otc.jupiter.budget.burst=50",
        // longer than the hung answer: the call is given up at the request's deadline, not by the HTTP client
        "otc.jupiter.read-timeout=30s",
        // WireMock may drop the hung call's connection after the test: no pause of the budget to leak into another
        "otc.jupiter.budget.outage-cooldown=0s"})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class ConcurrentQuotingIT {

    private static final BigInteger TENTH_OUT = new BigInteger("16198753");
    static final WireMockServer JUPITER = new WireMockServer(options().dynamicPort());

    static {
        JUPITER.start();
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC)));
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote")).withQueryParam("slippageBps", equalTo("51"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC).withFixedDelay(1_500)));
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote")).withQueryParam("slippageBps", equalTo("52"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC).withFixedDelay(10_000)));
    }

    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void jupiterAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("otc.jupiter.base-url", () -> JUPITER.baseUrl() + "/swap/v1");
    }

    @AfterAll
    static void stopJupiter() {
        JUPITER.stop();
    }

    private static QuoteRequested request(String sol, int slippageBps, Instant replyBy) {
        QuoteRequested request = TestEvents.solToUsdcRequest(UUID.randomUUID().toString(), new BigDecimal(sol),
                replyBy);
        request.setSlippageBps(slippageBps);
        return request;
    }

    private void publish(QuoteRequested... requests) {
        for (QuoteRequested request : requests) {
            kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request);
        }
        kafkaTemplate.flush();
    }

    /** The answers to these requests in the order they are on the topic, once all are there. */
    private List<JupiterQuoted> answersInTopicOrder(QuoteRequested... requests) {
        List<String> ids = Arrays.stream(requests).map(QuoteRequested::getRequestId).toList();
        // the reader matches against every record seen so far, from the start, each time it polls
        Map<String, JupiterQuoted> answers = new LinkedHashMap<>();
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_QUOTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            reader.awaitRecord((ConsumerRecord<String, Object> record) -> {
                if (record.value() instanceof JupiterQuoted quoted && ids.contains(quoted.getRequestId())) {
                    answers.putIfAbsent(quoted.getRequestId(), quoted);
                }
                return answers.size() == ids.size();
            });
        }
        return List.copyOf(answers.values());
    }

    @Test
    void shouldAnswerARequestBehindASlowOneFirstAndTheSlowOneWithJupitersOwnQuote() {
        Instant replyBy = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(10);
        QuoteRequested slow = request("0.1", 51, replyBy);
        QuoteRequested fast = request("0.1", 50, replyBy);

        publish(slow, fast);

        List<JupiterQuoted> answers = answersInTopicOrder(slow, fast);
        assertThat(answers).extracting(JupiterQuoted::getRequestId)
                .containsExactly(fast.getRequestId(), slow.getRequestId());
        assertThat(answers).allSatisfy(quoted -> {
            assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quoted.getSource()).isEqualTo(QuoteSource.LIVE);
            assertThat(quoted.getFromCache()).isFalse();
            assertThat(EventDecimals.toAtomic(quoted.getOutAmount())).isEqualTo(TENTH_OUT);
        });
    }

    @Test
    void shouldAnswerARequestWhoseJupiterCallHangsFromTheCurveBeforeItsDeadline() {
        QuoteRequested priced = request("0.1", 50, Instant.now().plusSeconds(30));
        publish(priced);
        answersInTopicOrder(priced); // a curve point for the hung request to be answered from

        Instant replyBy = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(5);
        QuoteRequested hung = request("0.05", 52, replyBy);
        QuoteRequested after = request("0.1", 50, replyBy.plusSeconds(25));
        publish(hung, after);

        List<JupiterQuoted> answers = answersInTopicOrder(hung, after);
        assertThat(answers).extracting(JupiterQuoted::getRequestId)
                .containsExactly(after.getRequestId(), hung.getRequestId());
        JupiterQuoted fromCurve = answers.get(1);
        assertThat(fromCurve.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(fromCurve.getFromCache()).isTrue();
        assertThat(fromCurve.getSource()).isEqualTo(QuoteSource.CURVE);
        // given up at the reply margin (100 ms) before replyBy, so the answer can still reach the router in time
        assertThat(fromCurve.getReason()).contains("Jupiter did not answer by " + replyBy.minusMillis(100));
        assertThat(EventDecimals.toAtomic(fromCurve.getOutAmount())).isEqualTo(TENTH_OUT.divide(BigInteger.TWO));
    }
}
