package io.otcrouter.quote.quoting;

import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import io.otcrouter.quote.metrics.QuoteMetrics;

/**
 * The quote-request listener with the real responder and Kafka publisher, in front of a broker (a mocked
 * KafkaTemplate) that acknowledges, or fails, each answer only when the test says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuoteRequestListenerTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Map<String, CompletableFuture<SendResult<String, Object>>> pendingAcks = new ConcurrentHashMap<>();
    private final List<String> sentRequests = new CopyOnWriteArrayList<>();
    private final List<String> countedRequests = new CopyOnWriteArrayList<>();
    private final QuoteRequestListener listener = new QuoteRequestListener(new QuoteResponder(
            DexQuoter.simulatedOnly(new SimulatedDex(new ReferencePrices(), CATALOG,
                    new SimulatedDexProperties(new BigDecimal("20000000"), 30)), CLOCK),
            new KafkaJupiterQuotedPublisher(broker(), countingMetrics()), CLOCK, Duration.ofMillis(300),
            Duration.ofMillis(100)));

    @SuppressWarnings("unchecked")
    private KafkaTemplate<String, Object> broker() {
        KafkaTemplate<String, Object> template = mock(KafkaTemplate.class);
        when(template.send(eq(Topics.JUPITER_QUOTED.name()), anyString(), any())).thenAnswer(this::pendingAck);
        return template;
    }

    private CompletableFuture<SendResult<String, Object>> pendingAck(InvocationOnMock send) {
        String requestId = send.<JupiterQuoted>getArgument(2).getRequestId();
        sentRequests.add(requestId);
        return pendingAcks.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    private QuoteMetrics countingMetrics() {
        QuoteMetrics metrics = mock(QuoteMetrics.class);
        doAnswer(counted -> countedRequests.add(counted.<JupiterQuoted>getArgument(0).getRequestId()))
                .when(metrics).quoteAnswered(any());
        return metrics;
    }

    private static ConsumerRecord<String, Object> request(long offset, String requestId, Instant replyBy) {
        QuoteRequested request = TestEvents.solToUsdcRequest(requestId, BigDecimal.ONE, replyBy);
        return new ConsumerRecord<>(Topics.QUOTES_REQUESTED.name(), 0, offset, request.getPair(), request);
    }

    @Test
    void shouldSendAnAnswerToEveryRequestButTheLateOneAndReturnWithoutWaitingForTheBroker() {
        listener.on(List.of(request(0, "req-0", NOW.plusSeconds(2)), request(1, "req-late", NOW.minusMillis(1)),
                request(2, "req-2", NOW.plusSeconds(2))));

        assertThat(sentRequests).containsExactly("req-0", "req-2");
        assertThat(countedRequests).as("nothing acknowledged yet").isEmpty();

        pendingAcks.values().forEach(ack -> ack.complete(null));
        assertThat(countedRequests).containsExactlyInAnyOrder("req-0", "req-2");
    }

    @Test
    void shouldLogAnAnswerTheBrokerRefusedWithoutCountingItOrFailingTheBatch(CapturedOutput output) {
        listener.on(List.of(request(0, "req-0", NOW.plusSeconds(2)), request(1, "req-1", NOW.plusSeconds(2))));

        pendingAcks.get("req-0").completeExceptionally(new KafkaException("not acknowledged: req-0"));
        pendingAcks.get("req-1").complete(null);

        assertThat(countedRequests).containsExactly("req-1");
        assertThat(output.getOut()).contains("Answer to quote request req-0 (SOL/USDC) not sent")
                .contains("not acknowledged: req-0");
    }

    @Test
    void shouldStopTheBatchAtARecordThatIsNotARequestHavingAnsweredTheOnesBeforeIt() {
        ConsumerRecord<String, Object> notARequest = new ConsumerRecord<>(Topics.QUOTES_REQUESTED.name(), 0, 1,
                "SOL/USDC", 42L);

        assertThatThrownBy(() -> listener.on(List.of(request(0, "req-0", NOW.plusSeconds(2)), notARequest,
                request(2, "req-2", NOW.plusSeconds(2)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getRecord()).isSameAs(notARequest));

        assertThat(sentRequests).containsExactly("req-0");
    }
}
