package io.otcrouter.quote;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
 * quote-service in live mode at Jupiter's keyless budget (0.5 req/s) against a WireMock Jupiter serving the
 * documented 0.1 SOL quote (and the real no-route body for any other size), hit by 50 quote requests at once.
 * The assertion on the budget is an upper bound from wall time, so a slow machine only loosens it.
 *
 * <p>The requests allow 10 s, room for 5 slots, but none may reserve a slot further ahead than
 * {@code max-slot-wait} (200 ms): slots being 2 s apart, typically only the first request is answered firm and
 * the other 49 from the curve that answer drew (they wait for that call in flight, having no curve yet), instead of
 * waiting seconds for 4 more slots.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=live",
        "otc.jupiter.budget.requests-per-second=0.5"})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class JupiterBudgetIT {

    private static final int REQUESTS = 50;
    private static final BigInteger TENTH_OUT = new BigInteger("16198753");
    /** The default {@code max-slot-wait}, plus the millisecond an answer's {@code occurredAt} may be truncated by. */
    private static final Duration MAX_SLOT_WAIT_AND_MILLIS_TRUNCATION = Duration.ofMillis(201);
    private static final Pattern NO_SLOT_BY = Pattern.compile("no call could start by (\\S+)\\)");
    static final WireMockServer JUPITER = new WireMockServer(options().dynamicPort());

    static {
        JUPITER.start();
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote"))
                .willReturn(JupiterFixtures.answer(400, JupiterFixtures.ERROR_400_NO_ROUTE)));
        JUPITER.stubFor(get(urlPathEqualTo("/swap/v1/quote")).withQueryParam("amount", equalTo("100000000"))
                .willReturn(JupiterFixtures.answer(200, JupiterFixtures.QUOTE_SOL_USDC)));
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

    @Test
    void shouldStayInsideTheBudgetUnderFiftyRequestsAndAnswerTheRestFromTheCurve() {
        long started = System.nanoTime();
        Instant replyBy = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(10);
        List<QuoteRequested> requests = IntStream.range(0, REQUESTS)
                .mapToObj(i -> TestEvents.solToUsdcRequest(UUID.randomUUID().toString(), new BigDecimal("0.1"),
                        replyBy))
                .toList();
        requests.forEach(request -> kafkaTemplate.send(Topics.QUOTES_REQUESTED.name(), request.getPair(), request));
        kafkaTemplate.flush();

        Map<String, JupiterQuoted> answers = new HashMap<>();
        Set<String> wanted = new HashSet<>(requests.stream().map(QuoteRequested::getRequestId).toList());
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_QUOTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            // the predicate collects every answer; it matches once the last of the 50 has arrived
            reader.awaitRecord(record -> record.value() instanceof JupiterQuoted quoted
                    && wanted.contains(quoted.getRequestId())
                    && answers.putIfAbsent(quoted.getRequestId(), quoted) == null && answers.size() == REQUESTS);
        }
        int jupiterCalls = JUPITER.findAll(anyRequestedFor(anyUrl())).size();
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(jupiterCalls).isPositive().isLessThanOrEqualTo(1 + (int) Math.floor(elapsedSeconds * 0.5));
        assertThat(answers.values()).allSatisfy(quoted -> {
            assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quoted.getSource()).isEqualTo(quoted.getFromCache() ? QuoteSource.CURVE : QuoteSource.LIVE);
            assertThat(EventDecimals.toAtomic(quoted.getOutAmount())).isEqualTo(TENTH_OUT);
            assertThat(quoted.getCurveAgeMs()).isNotNull().isNotNegative();
            assertThat(quoted.getBudgetRemaining()).isNotNull();
        });
        long firm = answers.values().stream().filter(quoted -> !quoted.getFromCache()).count();
        assertThat(firm).isBetween(1L, (long) jupiterCalls);
        assertThat(answers.values()).filteredOn(JupiterQuoted::getFromCache).hasSize(REQUESTS - (int) firm)
                .allSatisfy(quoted -> {
                    assertThat(quoted.getReason()).contains("ms ago");
                    // the slot it could not get was due within the max slot wait, not up to replyBy
                    assertThat(Duration.between(quoted.getOccurredAt(), latestSlotSought(quoted.getReason())))
                            .isLessThanOrEqualTo(MAX_SLOT_WAIT_AND_MILLIS_TRUNCATION);
                });
    }

    /** The instant in a curve answer's reason {@code ... (no call could start by <instant>)}. */
    private static Instant latestSlotSought(String reason) {
        Matcher matcher = NO_SLOT_BY.matcher(reason);
        assertThat(matcher.find()).as("reason %s", reason).isTrue();
        return Instant.parse(matcher.group(1));
    }
}
