package io.otcrouter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;

class OutboxRelayTest {

    private static final Clock CLOCK = Clock.fixed(OutboxEvents.AT, ZoneOffset.UTC);
    private static final CompletableFuture<SendResult<String, Object>> ACKED = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<SendResult<String, Object>> FAILED =
            CompletableFuture.failedFuture(new TimeoutException("broker unreachable"));

    private final OutboxRepository repository = mock(OutboxRepository.class);
    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);

    @Test
    void shouldMarkEveryAcknowledgedRowWithOneUpdate() {
        when(repository.lockUnpublished(500)).thenReturn(rows(1, 2, 3));
        when(kafka.send(anyString(), anyString(), any())).thenReturn(ACKED);

        assertThat(relay(500, Duration.ofHours(1)).relayRound()).isEqualTo(3);

        verify(repository, times(1)).markPublished(new Long[] {1L, 2L, 3L}, OutboxEvents.AT);
    }

    @Test
    void shouldMarkOnlyThePrefixBeforeTheFirstUnacknowledgedRowAndStopSendingAfterAFailure() {
        when(repository.lockUnpublished(500)).thenReturn(rows(1, 2, 3, 4));
        when(kafka.send(anyString(), eq("key-1"), any())).thenReturn(ACKED);
        when(kafka.send(anyString(), eq("key-2"), any())).thenReturn(FAILED);

        assertThat(relay(500, Duration.ofHours(1)).relayRound()).isEqualTo(1);

        verify(repository).markPublished(new Long[] {1L}, OutboxEvents.AT);
        verify(kafka, never()).send(anyString(), eq("key-3"), any());
    }

    @Test
    void shouldNotMarkAnythingWhenTheFirstRowIsNotAcknowledgedInTime() {
        when(repository.lockUnpublished(500)).thenReturn(rows(7, 8));
        when(kafka.send(anyString(), anyString(), any())).thenReturn(new CompletableFuture<>());

        assertThat(relay(500, Duration.ofHours(1), Duration.ofMillis(50)).relayRound()).isZero();

        verify(repository, never()).markPublished(any(), any());
    }

    @Test
    void shouldSendInIdOrderWithTopicKeyAndTheStoredBytes() {
        List<OutboxMessage> rows = rows(5, 6);
        when(repository.lockUnpublished(500)).thenReturn(rows);
        when(kafka.send(anyString(), anyString(), any())).thenReturn(ACKED);

        relay(500, Duration.ofHours(1)).relayRound();

        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<Object> payloads = ArgumentCaptor.forClass(Object.class);
        verify(kafka, times(2)).send(eq(OutboxEvents.PRICES.name()), keys.capture(), payloads.capture());
        assertThat(keys.getAllValues()).containsExactly("key-5", "key-6");
        assertThat(payloads.getAllValues()).containsExactly(rows.get(0).getPayload(), rows.get(1).getPayload());
    }

    @Test
    void shouldKeepRelayingFullBatchesUntilTheBacklogIsGone() {
        when(repository.lockUnpublished(2)).thenReturn(rows(1, 2), rows(3, 4), rows(5));
        when(kafka.send(anyString(), anyString(), any())).thenReturn(ACKED);
        OutboxRelay relay = relay(2, Duration.ofHours(1));
        ReflectionTestUtils.setField(relay, "running", true);

        assertThat(relay.relayPending()).isEqualTo(5);

        verify(repository, times(3)).markPublished(any(), eq(OutboxEvents.AT));
    }

    @Test
    void shouldLeaveTheRowsForTheNextRoundWhenTheDatabaseFails() {
        when(repository.lockUnpublished(anyInt()))
                .thenThrow(new DataAccessResourceFailureException("database down"));

        assertThat(relay(500, Duration.ofHours(1)).relayRound()).isZero();
    }

    @Test
    void shouldRelayAtOnceWhenWokenAndNotBeforeThePollIntervalOtherwise() {
        when(repository.lockUnpublished(500)).thenReturn(List.of());
        OutboxRelay relay = relay(500, Duration.ofHours(1));
        relay.start();
        try {
            // Started: the first poll is an hour away, so nothing looks at the table until a commit wakes the relay.
            verify(repository, after(300).never()).lockUnpublished(anyInt());
            relay.wake();
            verify(repository, timeout(5_000).times(1)).lockUnpublished(500);
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void shouldPollOnItsOwnAsTheSafetyNetForRowsNobodyWokeItFor() {
        when(repository.lockUnpublished(500)).thenReturn(List.of());
        OutboxRelay relay = relay(500, Duration.ofMillis(20));
        relay.start();
        try {
            verify(repository, timeout(5_000).atLeast(3)).lockUnpublished(500);
        } finally {
            relay.stop();
        }
    }

    private OutboxRelay relay(int batchSize, Duration pollInterval) {
        return relay(batchSize, pollInterval, Duration.ofSeconds(5));
    }

    private OutboxRelay relay(int batchSize, Duration pollInterval, Duration sendTimeout) {
        OutboxProperties properties = new OutboxProperties(true, pollInterval, batchSize, sendTimeout,
                Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(5));
        return new OutboxRelay(repository, kafka, TransactionOperations.withoutTransaction(), properties, CLOCK);
    }

    private static List<OutboxMessage> rows(long... ids) {
        List<OutboxMessage> rows = new ArrayList<>();
        LongStream.of(ids).forEach(id -> {
            OutboxMessage row = new OutboxMessage(OutboxEvents.PRICES.name(), "key-" + id, new byte[] {(byte) id},
                    OutboxEvents.AT);
            ReflectionTestUtils.setField(row, "id", id);
            rows.add(row);
        });
        return rows;
    }
}
