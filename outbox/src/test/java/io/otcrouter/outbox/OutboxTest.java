package io.otcrouter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import io.otcrouter.events.serde.AvroEventSerializer;

class OutboxTest {

    private final OutboxRepository repository = mock(OutboxRepository.class);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final Outbox outbox = new Outbox(repository, Clock.fixed(OutboxEvents.AT, ZoneOffset.UTC),
            wakeUps::incrementAndGet);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldStoreTheEncodedEventUnderItsTopicAndKey() {
        outbox.append(OutboxEvents.PRICES, "SOL", OutboxEvents.price("e-1"));

        ArgumentCaptor<OutboxMessage> saved = ArgumentCaptor.forClass(OutboxMessage.class);
        verify(repository).save(saved.capture());
        assertThat(saved.getValue().getTopic()).isEqualTo(OutboxEvents.PRICES.name());
        assertThat(saved.getValue().getMessageKey()).isEqualTo("SOL");
        assertThat(saved.getValue().getPayload()).isEqualTo(
                new AvroEventSerializer().serialize(OutboxEvents.PRICES.name(), OutboxEvents.price("e-1")));
        assertThat(saved.getValue().getCreatedAt()).isEqualTo(OutboxEvents.AT);
        assertThat(saved.getValue().getPublishedAt()).isNull();
    }

    @Test
    void shouldWakeTheRelayOnceAfterACommitThatAppendedSeveralEvents() {
        TransactionSynchronizationManager.initSynchronization();
        outbox.append(OutboxEvents.PRICES, "SOL", OutboxEvents.price("e-1"));
        outbox.append(OutboxEvents.PRICES, "SOL", OutboxEvents.price("e-2"));
        assertThat(wakeUps).as("not before the commit: the rows are not visible yet").hasValue(0);

        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());

        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void shouldNotWakeTheRelayWhenTheTransactionRollsBack() {
        TransactionSynchronizationManager.initSynchronization();
        outbox.append(OutboxEvents.PRICES, "SOL", OutboxEvents.price("e-1"));

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(wakeUps).hasValue(0);
        verify(repository).save(any());
    }
}
