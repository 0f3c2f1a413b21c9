package io.otcrouter.quote.execution;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.quote.config.LegExecutionKafka;
import io.otcrouter.quote.kafka.RecordBatch;

/**
 * Executes the DEX legs of every routing decision of a poll, exactly once across restarts and rebalances. Its
 * container runs each poll in one Kafka transaction ({@link LegExecutionKafka}): the legs' {@code LegExecuted} events
 * and the decisions' consumer offsets commit together, or not at all. After a crash or a rebalance a decision is
 * therefore either redelivered with none of its events committed (the transaction was aborted; it is executed again,
 * once) or not redelivered (it was committed). Readers of {@code JUPITER_EXECUTED} must read with
 * {@code isolation.level=read_committed} to see only committed legs.
 *
 * <p>The legs of the whole poll are re-quoted at once on the Jupiter lane and awaited here (at most the execution
 * wait): the transaction belongs to this consumer thread and its offsets may not move past a decision whose legs are
 * not decided, so unlike quote requests these are never handed off. A decision that appears twice in one poll (the
 * router published it twice) is executed once; the ledger books a leg once per (tradeId, legId) in any case.
 */
@Component
class RouteDecidedListener {

    private static final Logger log = LoggerFactory.getLogger(RouteDecidedListener.class);

    private final DexLegExecutor executor;
    private final LegExecutedPublisher publisher;
    private final DeadLetterPublishingRecoverer deadLetters;

    RouteDecidedListener(DexLegExecutor executor, LegExecutedPublisher publisher,
            @Qualifier(LegExecutionKafka.DEAD_LETTERS) DeadLetterPublishingRecoverer deadLetters) {
        this.executor = executor;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(batch = "true", containerFactory = LegExecutionKafka.CONTAINER_FACTORY,
            topics = Topics.Names.ROUTES_DECIDED)
    void on(List<ConsumerRecord<String, Object>> decisions) {
        Set<String> trades = new HashSet<>();
        List<List<LegExecuted>> executed = RecordBatch.inTransaction(decisions, RouteDecided.class,
                decision -> trades.add(decision.getTradeId()) ? executor.execute(decision) : duplicate(decision),
                this::deadLetter);
        executed.forEach(legs -> legs.forEach(publisher::publish));
    }

    private static CompletableFuture<List<LegExecuted>> duplicate(RouteDecided decision) {
        log.info("Decision of trade {} appears twice in one poll: executed once", decision.getTradeId());
        return CompletableFuture.completedFuture(List.of());
    }

    private void deadLetter(ConsumerRecord<String, Object> record, Exception cause) {
        log.error("{}-{}@{} sent to its dead-letter topic: {}", record.topic(), record.partition(), record.offset(),
                cause.toString());
        deadLetters.accept(record, cause);
    }
}
