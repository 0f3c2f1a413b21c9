package io.otcrouter.quote.execution;

import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.DexQuote;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;

/**
 * The route-decision listener with the real executor (simulated DEX) and recording stand-ins for the transactional
 * publisher and the dead-letter recoverer: what one poll's transaction would contain.
 */
class RouteDecidedListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final List<LegExecuted> published = new ArrayList<>();
    private final List<Long> deadLettered = new ArrayList<>();
    private final DexQuoter simulated = DexQuoter.simulatedOnly(new SimulatedDex(new ReferencePrices(), CATALOG,
            new SimulatedDexProperties(new BigDecimal("20000000"), 30)), CLOCK);

    private RouteDecidedListener listener(DexQuoter quoter) {
        DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
        doAnswer(recovered -> deadLettered.add(recovered.<ConsumerRecord<?, ?>>getArgument(0).offset()))
                .when(deadLetters).accept(any(), any());
        return new RouteDecidedListener(new DexLegExecutor(quoter, CATALOG, CLOCK, Duration.ofSeconds(3)),
                published::add, deadLetters);
    }

    /** Decisions of trade-0, trade-1, ..., each with one DEX leg, at offsets 0, 1, ... */
    private static List<ConsumerRecord<String, Object>> decisions(int count) {
        return IntStream.range(0, count).mapToObj(i -> decision(i, TestEvents.routeDecided("trade-" + i,
                TestEvents.dexLeg("leg-dex-1", SOL.toAtomic(BigDecimal.ONE), BigInteger.ONE)))).toList();
    }

    private static ConsumerRecord<String, Object> decision(long offset, Object decision) {
        return new ConsumerRecord<>(Topics.ROUTES_DECIDED.name(), 0, offset, "trade-" + offset, decision);
    }

    @Test
    void shouldPublishOneLegExecutedPerDexLegOfThePollInDecisionOrder() {
        listener(simulated).on(decisions(5));

        assertThat(published).extracting(LegExecuted::getTradeId)
                .containsExactly("trade-0", "trade-1", "trade-2", "trade-3", "trade-4");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void shouldExecuteADecisionPublishedTwiceIntoOnePollOnce() {
        RouteDecided decision = (RouteDecided) decisions(1).get(0).value();

        listener(simulated).on(List.of(decision(0, decision), decision(1, decision)));

        assertThat(published).extracting(LegExecuted::getTradeId).containsExactly("trade-0");
    }

    @Test
    void shouldDeadLetterWhatIsNotADecisionOrIsInvalidAndExecuteTheRestOfThePoll() {
        RouteDecided zeroAmount = TestEvents.routeDecided("trade-9",
                TestEvents.dexLeg("leg-dex-1", BigInteger.ONE, BigInteger.ONE));
        zeroAmount.getLegs().get(0).setInAmount(EventDecimals.atomic(BigInteger.ZERO));
        List<ConsumerRecord<String, Object>> poll = new ArrayList<>(decisions(3));
        poll.set(1, decision(1, 42L));
        poll.add(decision(3, zeroAmount));

        listener(simulated).on(poll);

        assertThat(deadLettered).containsExactly(1L, 3L);
        assertThat(published).extracting(LegExecuted::getTradeId).containsExactly("trade-0", "trade-2");
    }

    @Test
    void shouldPublishNothingOfAPollWhoseExecutionFailsForAnotherReasonSoTheTransactionRollsBack() {
        DexQuoter failing = mock(DexQuoter.class);
        doAnswer(quote -> CompletableFuture.<DexQuote>failedFuture(new IllegalStateException("lane shut down")))
                .when(failing).quote(any(), any(), any());

        assertThatThrownBy(() -> listener(failing).on(decisions(2))).hasRootCauseMessage("lane shut down");

        assertThat(published).isEmpty();
        assertThat(deadLettered).isEmpty();
    }
}
