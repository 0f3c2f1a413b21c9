package io.otcrouter.quote.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.kafka.InvalidEventException;

/**
 * How quote-service's batch listeners handle one poll. Each record is handed on in order, with its trade id in the
 * logging context (batch listeners are not seen by a {@code RecordInterceptor}). Two ways:
 *
 * <ul>
 * <li>{@link #handOff}: each record's work is started and not awaited; the poll counts as done for the next offset
 * commit as soon as every record is handed off. Only for work whose loss after a crash is harmless (quote requests).
 * A record that is not the topic's event (undecodable), or whose hand-off throws, stops the poll there with a
 * {@link BatchListenerFailedException} naming it: kafka-support's error handler commits the records before it, sends
 * it to its {@code .DLT} or retries it with backoff, and redelivers the rest. It names the record itself, not its
 * index: the container may have filtered records out of the poll (replayed dead letters meant for another group).</li>
 * <li>{@link #inTransaction}: for a container that runs each poll in a Kafka transaction. Every record's work is
 * started, then all of it awaited; poison goes to the {@code .DLT} inside the same transaction, and anything else
 * that fails rolls the whole poll back, to be redelivered.</li>
 * </ul>
 */
public final class RecordBatch {

    /** Warns of a deserialization-failure header that did not come from this consumer's own deserializer. */
    private static final LogAccessor log = new LogAccessor(RecordBatch.class);

    private RecordBatch() {
    }

    /**
     * Hands every record's event to {@code handler}, which starts the work and returns at once (the work reports its
     * own outcome), in the record's trade context. Returns as soon as every record is handed off: the poll counts
     * as done for the next offset commit while its work may still be in flight, which the caller must be able to
     * afford. A record that is not the topic's event, or whose hand-off throws, stops the batch there (the records
     * before it are handed off).
     */
    public static <T> void handOff(List<ConsumerRecord<String, Object>> records, Class<T> type, Consumer<T> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (!type.isInstance(record.value())) {
                throw notTheEvent(record, type);
            }
            try {
                inTradeContext(record, () -> {
                    handler.accept(type.cast(record.value()));
                    return null;
                });
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Handing off " + describe(record) + " failed", e, record);
            }
        }
    }

    /**
     * Starts every record's work (in its trade context), then waits for all of it, and returns the results in record
     * order, for a listener whose container wraps each poll in a Kafka transaction. A record that can never succeed
     * (not the topic's event, or whose work fails with {@link IllegalArgumentException} or
     * {@link InvalidEventException}) is handed to {@code deadLetters}, which sends it to its {@code .DLT} in the same
     * transaction, and has no result. Any other failure is thrown, so the transaction (with the dead letters and
     * whatever the caller sent) rolls back and the whole poll is redelivered: nothing is half done.
     */
    public static <T, R> List<R> inTransaction(List<ConsumerRecord<String, Object>> records, Class<T> type,
            Function<T, CompletableFuture<R>> work, BiConsumer<ConsumerRecord<String, Object>, Exception> deadLetters) {
        List<Started<R>> started = new ArrayList<>(records.size());
        for (ConsumerRecord<String, Object> record : records) {
            if (!type.isInstance(record.value())) {
                deadLetters.accept(record, deserializationFailure(record));
                continue;
            }
            try {
                started.add(new Started<>(record, inTradeContext(record, () -> work.apply(type.cast(record.value())))));
            } catch (IllegalArgumentException | InvalidEventException e) {
                deadLetters.accept(record, e);
            }
        }
        List<R> results = new ArrayList<>(started.size());
        for (Started<R> each : started) {
            try {
                results.add(each.result().join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof InvalidEventException) {
                    deadLetters.accept(each.record(), (Exception) e.getCause());
                } else {
                    throw e;
                }
            }
        }
        return results;
    }

    private record Started<R>(ConsumerRecord<String, Object> record, CompletableFuture<R> result) {
    }

    private static BatchListenerFailedException notTheEvent(ConsumerRecord<String, Object> record, Class<?> type) {
        return new BatchListenerFailedException(describe(record) + " is not a " + type.getSimpleName()
                + (record.value() == null ? " (undecodable)" : " but a " + record.value().getClass().getSimpleName()),
                deserializationFailure(record), record);
    }

    private static <R> R inTradeContext(ConsumerRecord<String, Object> record, Supplier<R> work) {
        TradeIds.fromHeaders(record.headers())
                .or(() -> TradeIds.of(record.value()))
                .or(() -> TradeIds.fromKey(record.topic(), record.key()))
                .ifPresentOrElse(tradeId -> MDC.put(TradeIds.MDC_KEY, tradeId), () -> MDC.remove(TradeIds.MDC_KEY));
        try {
            return work.get();
        } finally {
            MDC.remove(TradeIds.MDC_KEY);
        }
    }

    private static String describe(ConsumerRecord<String, Object> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Exception deserializationFailure(ConsumerRecord<String, Object> record) {
        Exception deserialization = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        return deserialization != null ? deserialization : new IllegalArgumentException("Unexpected event type");
    }
}
