package io.otcrouter.quote.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.kafka.InvalidEventException;

/** The events are plain strings here; the work each record starts is a future the test completes or fails. */
class RecordBatchTest {

    /** Keyed by pair, not by trade: a record's trade id can only come from its header. */
    private static final String TOPIC = Topics.QUOTES_REQUESTED.name();
    private static final byte[] GARBAGE = "not an event".getBytes(StandardCharsets.UTF_8);

    private final List<String> handedOff = new ArrayList<>();
    private final Map<Long, Exception> deadLetters = new HashMap<>();

    private static ConsumerRecord<String, Object> record(long offset, Object value, Headers headers) {
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, "SOL/USDC", value,
                headers, Optional.empty());
    }

    private static ConsumerRecord<String, Object> record(long offset, Object value) {
        return record(offset, value, new RecordHeaders());
    }

    /** What the consumer's ErrorHandlingDeserializer makes of bytes that are not an event. */
    private static ConsumerRecord<String, Object> undecodable(long offset) {
        Headers headers = new RecordHeaders();
        try (var deserializer = new ErrorHandlingDeserializer<>(new AvroEventDeserializer())) {
            return record(offset, deserializer.deserialize(TOPIC, headers, GARBAGE), headers);
        }
    }

    private static ConsumerRecord<String, Object> ofTrade(long offset, String value, String tradeId) {
        Headers headers = new RecordHeaders();
        headers.add(TradeIds.HEADER, tradeId.getBytes(StandardCharsets.UTF_8));
        return record(offset, value, headers);
    }

    private void deadLetter(ConsumerRecord<String, Object> record, Exception cause) {
        deadLetters.put(record.offset(), cause);
    }

    @Test
    void shouldHandOffEveryRecordInOrder() {
        RecordBatch.handOff(List.of(record(0, "a"), record(1, "b"), record(2, "c")), String.class, handedOff::add);

        assertThat(handedOff).containsExactly("a", "b", "c");
    }

    @Test
    void shouldStopTheHandOffAtAnUndecodableRecordWithACauseTheErrorHandlerDeadLetters() {
        ConsumerRecord<String, Object> undecodable = undecodable(1);
        assertThatThrownBy(() -> RecordBatch.handOff(List.of(record(0, "a"), undecodable, record(2, "c")),
                String.class, handedOff::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(undecodable);
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(handedOff).containsExactly("a");
    }

    @Test
    void shouldStopTheHandOffAtARecordWhoseHandOffThrows() {
        ConsumerRecord<String, Object> b = record(1, "b");
        assertThatThrownBy(() -> RecordBatch.handOff(List.of(record(0, "a"), b), String.class,
                event -> {
                    if (event.equals("b")) {
                        throw new IllegalStateException("cannot hand off b");
                    }
                    handedOff.add(event);
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(b);
                    assertThat(failed.getCause()).hasMessage("cannot hand off b");
                });
        assertThat(handedOff).containsExactly("a");
    }

    @Test
    void shouldStartEveryRecordsWorkBeforeAwaitingAnyAndReturnTheResultsInRecordOrder() {
        List<String> started = new ArrayList<>();
        CompletableFuture<String> first = new CompletableFuture<>();

        List<String> results = RecordBatch.inTransaction(List.of(record(0, "a"), record(1, "b")), String.class,
                event -> {
                    started.add(event);
                    if (event.equals("b")) {
                        // "a" is still in flight when "b" starts: the poll's work runs at once
                        assertThat(first).isNotDone();
                        first.complete("A");
                        return CompletableFuture.completedFuture("B");
                    }
                    return first;
                }, this::deadLetter);

        assertThat(started).containsExactly("a", "b");
        assertThat(results).containsExactly("A", "B");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldDeadLetterWhatCanNeverSucceedAndGoOnWithTheRestOfThePoll() {
        List<String> results = RecordBatch.inTransaction(List.of(record(0, "a"), undecodable(1),
                record(2, "invalid now"), record(3, "invalid later"), record(4, "e")), String.class, event -> {
                    if (event.equals("invalid now")) {
                        throw new IllegalArgumentException("amount must be positive");
                    }
                    if (event.equals("invalid later")) {
                        return CompletableFuture.failedFuture(new InvalidEventException("unknown mint"));
                    }
                    return CompletableFuture.completedFuture(event.toUpperCase());
                }, this::deadLetter);

        assertThat(results).containsExactly("A", "E");
        assertThat(deadLetters).containsOnlyKeys(1L, 2L, 3L);
        assertThat(deadLetters.get(1L)).isInstanceOf(DeserializationException.class);
        assertThat(deadLetters.get(3L)).hasMessage("unknown mint");
    }

    @Test
    void shouldThrowAnyOtherFailureSoThatTheWholePollRollsBack() {
        assertThatThrownBy(() -> RecordBatch.inTransaction(List.of(record(0, "a"), record(1, "b")), String.class,
                event -> event.equals("b") ? CompletableFuture.failedFuture(new IllegalStateException("broker down"))
                        : CompletableFuture.completedFuture(event), this::deadLetter))
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("broker down");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldPutEachRecordsTradeIdInTheLoggingContextOnlyWhileItIsHandled() {
        Map<String, String> tradeIdWhileHandling = new HashMap<>();

        RecordBatch.handOff(List.of(ofTrade(0, "a", "trade-a"), record(1, "b"), ofTrade(2, "c", "trade-c")),
                String.class, event -> tradeIdWhileHandling.put(event, MDC.get(TradeIds.MDC_KEY)));

        assertThat(tradeIdWhileHandling).containsEntry("a", "trade-a").containsEntry("b", null)
                .containsEntry("c", "trade-c");
        assertThat(MDC.get(TradeIds.MDC_KEY)).isNull();
    }
}
