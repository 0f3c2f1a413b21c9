package io.otcrouter.quote.execution;

import static io.otcrouter.quote.TestTokens.CATALOG;
import static io.otcrouter.quote.TestTokens.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import io.otcrouter.quote.metrics.QuoteMetrics;
import io.otcrouter.quote.pricing.ReferencePrices;

/**
 * The route-decision listener with the real executor and Kafka publisher, in front of a broker (a mocked
 * KafkaTemplate) that acknowledges each send 50 ms later on another thread, or fails it for chosen trades.
 */
class RouteDecidedListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Executor BROKER = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    private static final int BATCH = 5;

    private final Set<String> unreachableTrades = ConcurrentHashMap.newKeySet();
    private final List<String> sentTrades = new CopyOnWriteArrayList<>();
    private final List<String> countedTrades = new CopyOnWriteArrayList<>();
    private final RouteDecidedListener listener = new RouteDecidedListener(new DexLegExecutor(
            DexQuoter.simulatedOnly(new SimulatedDex(new ReferencePrices(), CATALOG,
                    new SimulatedDexProperties(new BigDecimal("20000000"), 30)), CLOCK),
            new KafkaLegExecutedPublisher(broker(), countingMetrics()), CATALOG, 100, CLOCK, Duration.ofSeconds(3)));

    @SuppressWarnings("unchecked")
    private KafkaTemplate<String, Object> broker() {
        KafkaTemplate<String, Object> template = mock(KafkaTemplate.class);
        when(template.send(eq(Topics.JUPITER_EXECUTED.name()), anyString(), any())).thenAnswer(this::acknowledgeLater);
        return template;
    }

    private CompletableFuture<SendResult<String, Object>> acknowledgeLater(InvocationOnMock send) {
        String tradeId = send.getArgument(1);
        sentTrades.add(tradeId);
        return CompletableFuture.supplyAsync(() -> {
            if (unreachableTrades.contains(tradeId)) {
                throw new KafkaException("not acknowledged: " + tradeId);
            }
            return null;
        }, BROKER);
    }

    private QuoteMetrics countingMetrics() {
        QuoteMetrics metrics = mock(QuoteMetrics.class);
        doAnswer(counted -> countedTrades.add(counted.<LegExecuted>getArgument(0).getTradeId()))
                .when(metrics).legExecuted(any());
        return metrics;
    }

    /** Decisions of trade-0, trade-1, ..., each with one DEX leg, at offsets 0, 1, ... */
    private static List<ConsumerRecord<String, Object>> decisions(int count) {
        return IntStream.range(0, count).mapToObj(i -> decision(i, TestEvents.routeDecided("trade-" + i,
                TestEvents.dexLeg("leg-dex-1", SOL.toAtomic(BigDecimal.ONE), BigInteger.ONE)))).toList();
    }

    private static ConsumerRecord<String, Object> decision(long offset, RouteDecided decision) {
        return new ConsumerRecord<>(Topics.ROUTES_DECIDED.name(), 0, offset, decision.getTradeId(), decision);
    }

    @Test
    void shouldSendOneLegExecutedPerDecisionAndReturnOnlyOnceTheBrokerHasThemAll() {
        listener.on(decisions(BATCH));

        assertThat(sentTrades).containsExactly("trade-0", "trade-1", "trade-2", "trade-3", "trade-4");
        // counted on acknowledgement, which comes later on another thread: all counted means all awaited
        assertThat(countedTrades).containsExactlyInAnyOrder("trade-0", "trade-1", "trade-2", "trade-3", "trade-4");
    }

    @Test
    void shouldFailTheBatchAtTheFirstUnacknowledgedLegAndCountOnlyTheAcknowledgedOnes() {
        unreachableTrades.add("trade-2");

        assertThatThrownBy(() -> listener.on(decisions(BATCH)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(2));

        assertThat(sentTrades).containsExactly("trade-0", "trade-1", "trade-2", "trade-3", "trade-4");
        assertThat(countedTrades).containsExactlyInAnyOrder("trade-0", "trade-1", "trade-3", "trade-4");
    }

    @Test
    void shouldExecuteOnlyTheUnacknowledgedLegAgainWhenTheRestOfTheBatchIsRedelivered() {
        unreachableTrades.add("trade-2");
        List<ConsumerRecord<String, Object>> batch = decisions(BATCH);
        assertThatThrownBy(() -> listener.on(batch)).isInstanceOf(BatchListenerFailedException.class);
        unreachableTrades.clear();

        // the error handler commits the records before the failed one and redelivers it and the rest
        listener.on(batch.subList(2, BATCH));

        assertThat(sentTrades).containsExactly("trade-0", "trade-1", "trade-2", "trade-3", "trade-4", "trade-2");
        assertThat(countedTrades).containsExactlyInAnyOrder("trade-0", "trade-1", "trade-2", "trade-3", "trade-4");
    }

    @Test
    void shouldExecuteADecisionPublishedTwiceIntoOneBatchOnce() {
        RouteDecided decision = (RouteDecided) decisions(1).get(0).value();

        listener.on(List.of(decision(0, decision), decision(1, decision)));

        assertThat(sentTrades).containsExactly("trade-0");
        assertThat(countedTrades).containsExactly("trade-0");
    }
}
