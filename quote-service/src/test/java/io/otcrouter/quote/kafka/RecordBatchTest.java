package io.otcrouter.quote.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.events.tracing.TradeIds;

/**
 * The events are plain strings here; the broker acknowledges (or fails) each send 50 ms after it was made, on
 * another thread, so a batch that returned without waiting would miss them.
 */
class RecordBatchTest {

    /** Keyed by pair, not by trade: a record's trade id can only come from its header. */
    private static final String TOPIC = Topics.QUOTES_REQUESTED.name();
    private static final Executor BROKER = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    private static final byte[] GARBAGE = "not an event".getBytes(StandardCharsets.UTF_8);

    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    private CompletableFuture<Void> acknowledgeLater(String event) {
        handled.add(event);
        return CompletableFuture.runAsync(() -> acknowledged.add(event), BROKER);
    }

    private CompletableFuture<Void> failLater(String event) {
        handled.add(event);
        return CompletableFuture.runAsync(() -> {
            throw new KafkaException("not acknowledged: " + event);
        }, BROKER);
    }

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

    @Test
    void shouldReturnOnlyOnceTheBrokerHasAcknowledgedEverySendOfTheBatch() {
        RecordBatch.handleEach(List.of(record(0, "a"), record(1, "b"), record(2, "c")), String.class,
                this::acknowledgeLater);

        assertThat(acknowledged).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void shouldFailAtTheFirstRecordWhoseSendFailedOnceEverySendOfTheBatchIsSettled() {
        assertThatThrownBy(() -> RecordBatch.handleEach(
                List.of(record(0, "a"), record(1, "b"), record(2, "c"), record(3, "d")), String.class,
                event -> event.equals("b") || event.equals("d") ? failLater(event) : acknowledgeLater(event)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("not acknowledged: b");
                });
        // "c" was acknowledged before the batch failed: nothing of it is still in flight when it is redelivered.
        assertThat(acknowledged).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void shouldStopAtAnUndecodableRecordOnceTheRecordsBeforeItAreAcknowledged() {
        assertThatThrownBy(() -> RecordBatch.handleEach(List.of(record(0, "a"), undecodable(1), record(2, "c")),
                String.class, this::acknowledgeLater))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    // not retryable by default: the error handler sends the record straight to its .DLT
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(handled).containsExactly("a");
        assertThat(acknowledged).containsExactly("a");
    }

    @Test
    void shouldStopAtARecordOfAnotherTypeWithACauseTheErrorHandlerDoesNotRetry() {
        assertThatThrownBy(() -> RecordBatch.handleEach(List.of(record(0, "a"), record(1, 42L)), String.class,
                this::acknowledgeLater))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(IllegalArgumentException.class);
                });
        assertThat(acknowledged).containsExactly("a");
    }

    @Test
    void shouldFailAtARecordWhoseHandlingThrowsOnceTheRecordsBeforeItAreAcknowledged() {
        assertThatThrownBy(() -> RecordBatch.handleEach(List.of(record(0, "a"), record(1, "b"), record(2, "c")),
                String.class, event -> {
                    if (event.equals("b")) {
                        throw new IllegalStateException("cannot handle b");
                    }
                    return acknowledgeLater(event);
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("cannot handle b");
                });
        assertThat(acknowledged).containsExactly("a");
    }

    @Test
    void shouldPutEachRecordsTradeIdInTheLoggingContextOnlyWhileItIsHandled() {
        Map<String, String> tradeIdWhileHandling = new HashMap<>();

        RecordBatch.handleEach(List.of(ofTrade(0, "a", "trade-a"), record(1, "b"), ofTrade(2, "c", "trade-c")),
                String.class, event -> {
                    tradeIdWhileHandling.put(event, MDC.get(TradeIds.MDC_KEY));
                    return CompletableFuture.completedFuture(null);
                });

        assertThat(tradeIdWhileHandling).containsEntry("a", "trade-a").containsEntry("b", null)
                .containsEntry("c", "trade-c");
        assertThat(MDC.get(TradeIds.MDC_KEY)).isNull();
    }
}
