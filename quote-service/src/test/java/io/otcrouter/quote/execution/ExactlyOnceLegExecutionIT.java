package io.otcrouter.quote.execution;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.config.LegExecutionKafka;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * DEX-leg execution against a real (embedded, KRaft) broker, with the same decision delivered twice: to a second
 * consumer of the group while the first is stuck in the middle of its transaction, and again after a failure that
 * came after the leg was sent. Whatever happens, a read_committed reader sees exactly one {@code LegExecuted} per leg;
 * a read_uncommitted reader shows that the first attempt's leg did reach the log, in a transaction that was aborted.
 *
 * <p>Two consumers read the decisions' single partition ({@code otc.kafka.partitions=2} sets the container's
 * concurrency), so the idle one takes the partition over when the busy one stops polling for longer than
 * {@code max.poll.interval.ms}. The transaction timeout is longer than the test, so only fencing can end the stuck
 * transaction.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.jupiter.mode=simulated",
        "otc.kafka.partitions=2",
        "spring.kafka.consumer.properties.max.poll.interval.ms=4000",
        "otc.execution.transaction-timeout=120s",
        "otc.kafka.retry-initial=50ms", "otc.kafka.retry-max=200ms"})
@EmbeddedKafka(partitions = 1)
@Import(ConsumedTopics.class)
class ExactlyOnceLegExecutionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    @Qualifier(LegExecutionKafka.TEMPLATE)
    private KafkaTemplate<String, Object> legTemplate;
    @MockitoSpyBean
    private KafkaLegExecutedPublisher publisher;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private DefaultErrorHandler sharedErrorRule;
    @Autowired
    private ConsumerFactory<?, ?> consumers;

    private final CountDownLatch firstAttemptSent = new CountDownLatch(1);
    private final CountDownLatch firstAttemptMayGoOn = new CountDownLatch(1);

    @AfterEach
    void letAnyStuckAttemptGoOn() {
        firstAttemptMayGoOn.countDown();
    }

    private RouteDecided decide(String tradeId) {
        RouteDecided decision = TestEvents.routeDecided(tradeId, TestEvents.dexLeg("leg-dex-1",
                SOL.toAtomic(BigDecimal.TEN), USDC.toAtomic(new BigDecimal("1400"))));
        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), tradeId, decision).join();
        return decision;
    }

    private List<LegExecuted> legsOf(String tradeId, TopicReader<Object> reader) {
        return reader.readToEnd().stream().filter(record -> tradeId.equals(record.key()))
                .map(record -> (LegExecuted) record.value()).toList();
    }

    private List<LegExecuted> committedLegsOf(String tradeId) {
        try (TopicReader<Object> reader = new TopicReader<>(broker, Topics.JUPITER_EXECUTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return legsOf(tradeId, reader);
        }
    }

    private List<LegExecuted> everyLegOf(String tradeId) {
        try (TopicReader<Object> reader = TopicReader.uncommitted(broker, Topics.JUPITER_EXECUTED.name(),
                new AvroEventDeserializer()::deserialize)) {
            return legsOf(tradeId, reader);
        }
    }

    @Test
    void shouldRunOnlyTheDecisionsInTransactionsAndEveryOtherListenerWithTheSharedErrorRuleAllReadingCommitted() {
        assertThat(consumers.getConfigurationProperties())
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(listeners.getListenerContainers()).hasSize(2).allSatisfy(container -> {
            AbstractMessageListenerContainer<?, ?> one = (AbstractMessageListenerContainer<?, ?>) container;
            if (List.of(one.getContainerProperties().getTopics()).contains(Topics.ROUTES_DECIDED.name())) {
                assertThat(one.getContainerProperties().getKafkaAwareTransactionManager()).isNotNull();
                assertThat(one.getCommonErrorHandler()).isNull();
                // a transaction per pause between polls (otc.execution.batch-wait), not one per decision
                assertThat(one.getContainerProperties().getIdleBetweenPolls()).isEqualTo(50);
            } else {
                assertThat(one.getContainerProperties().getKafkaAwareTransactionManager()).isNull();
                assertThat(one.getContainerProperties().getIdleBetweenPolls()).isZero();
                assertThat(one.getCommonErrorHandler()).isSameAs(sharedErrorRule);
            }
        });
    }

    @Test
    void shouldCommitOneLegWhenASecondConsumerTakesOverADecisionWhoseFirstConsumerIsStuckMidTransaction()
            throws Exception {
        String tradeId = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(publish -> {
            publish.callRealMethod();
            LegExecuted leg = publish.getArgument(0);
            if (leg.getTradeId().equals(tradeId) && attempts.incrementAndGet() == 1) {
                firstAttemptSent.countDown();
                firstAttemptMayGoOn.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            return null;
        }).when(publisher).publish(any());

        decide(tradeId);
        assertThat(firstAttemptSent.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // the first consumer stopped polling: it leaves the group, the other consumer gets the decision again
        await().atMost(WAIT).until(() -> everyLegOf(tradeId).size() == 2);
        firstAttemptMayGoOn.countDown();

        // its commit is refused (it is no longer in the group): its transaction, and its leg, are aborted
        await().atMost(WAIT).until(() -> committedLegsOf(tradeId).size() == 1);
        assertThat(everyLegOf(tradeId)).hasSize(2);
        assertThat(attempts).hasValue(2);
        // and the group goes on executing
        String next = UUID.randomUUID().toString();
        decide(next);
        await().atMost(WAIT).until(() -> committedLegsOf(next).size() == 1);
        assertThat(committedLegsOf(tradeId)).singleElement()
                .satisfies(leg -> assertThat(leg.getLegId()).isEqualTo("leg-dex-1"));
    }

    @Test
    void shouldCommitOneLegWhenTheDecisionIsRedeliveredAfterAFailureThatCameAfterTheLegWasSent() {
        String tradeId = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(publish -> {
            publish.callRealMethod();
            LegExecuted leg = publish.getArgument(0);
            if (leg.getTradeId().equals(tradeId) && attempts.incrementAndGet() == 1) {
                legTemplate.flush(); // the leg is in the log, in the transaction about to abort
                throw new IllegalStateException("the process died right after sending the leg");
            }
            return null;
        }).when(publisher).publish(any());

        decide(tradeId);

        await().atMost(WAIT).until(() -> committedLegsOf(tradeId).size() == 1);
        assertThat(attempts).hasValue(2);
        assertThat(everyLegOf(tradeId)).as("the first attempt's leg, aborted, and the second's").hasSize(2);
        assertThat(committedLegsOf(tradeId)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAGarbageDecisionInItsPollsTransactionAndExecuteTheNextOne() {
        byte[] garbage = ("not a decision " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String tradeId = UUID.randomUUID().toString();

        kafkaTemplate.send(Topics.ROUTES_DECIDED.name(), "garbage", garbage).join();
        decide(tradeId);

        try (TopicReader<byte[]> deadLetters = new TopicReader<>(broker, Topics.ROUTES_DECIDED.deadLetterTopic(),
                new ByteArrayDeserializer())) {
            ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                    record -> Arrays.equals(record.value(), garbage));
            assertThat(dead.key()).isEqualTo("garbage");
        }
        await().atMost(WAIT).until(() -> committedLegsOf(tradeId).size() == 1);
    }
}
