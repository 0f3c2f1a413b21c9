package io.otcrouter.otcpool.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.otcrouter.events.catalog.Topics;

class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String TOPIC = Topics.POOLS_EXECUTED.name();

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, Object> kafka = mock(KafkaTemplate.class);
    private final OutboxRepository repository = mock(OutboxRepository.class);
    private final OutboxRelay relay = new OutboxRelay(repository, kafka,
            new OutboxProperties(Duration.ofMillis(100), 500, Duration.ofSeconds(1), Duration.ofHours(24)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldMarkOnlyTheMessagesAcknowledgedInOrderSoAFailedOneIsRetriedWithEverythingAfterIt() {
        OutboxMessage first = message("trade-1");
        OutboxMessage failing = message("trade-2");
        OutboxMessage third = message("trade-3");
        when(repository.lockUnpublished(500)).thenReturn(List.of(first, failing, third));
        when(kafka.send(eq(TOPIC), anyString(), any())).thenAnswer(call -> switch ((String) call.getArgument(1)) {
            case "trade-2" -> CompletableFuture.failedFuture(new TimeoutException("broker away"));
            default -> CompletableFuture.completedFuture(mock(SendResult.class));
        });

        relay.relay();

        assertThat(first.getPublishedAt()).isEqualTo(NOW);
        assertThat(failing.getPublishedAt()).isNull();
        assertThat(third.getPublishedAt()).isNull();
    }

    @Test
    void shouldSendThePayloadBytesUnchangedWithTheStoredKey() {
        OutboxMessage message = message("trade-9");
        when(repository.lockUnpublished(500)).thenReturn(List.of(message));
        when(kafka.send(TOPIC, "trade-9", message.getPayload()))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        relay.relay();

        assertThat(message.getPublishedAt()).isEqualTo(NOW);
    }

    private static OutboxMessage message(String key) {
        return new OutboxMessage(TOPIC, key, new byte[] { (byte) 0xC3, 0x01, 1, 2, 3 }, NOW);
    }
}
