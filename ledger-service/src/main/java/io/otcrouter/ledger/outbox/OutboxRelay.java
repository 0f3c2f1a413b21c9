package io.otcrouter.ledger.outbox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays committed outbox rows to Kafka in id order and marks them published once the broker has acked them.
 *
 * <p>Delivery is at-least-once: a crash (or a lost ack) between the send and the commit of published_at leaves
 * the row unpublished, and it is sent again after the restart. The payload holds the already encoded event,
 * eventId included, so the copy is byte-identical and consumers drop it by eventId. Rows failing to send are left
 * for the next round; TradeSettled has one record per key, so a retry cannot reorder one trade's events.
 */
@Component
@ConditionalOnProperty(name = "otc.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRelay(OutboxRepository outbox, KafkaTemplate<String, Object> kafka, TransactionTemplate transaction,
            OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${otc.outbox.poll-interval-ms:100}")
    void relay() {
        try {
            transaction.executeWithoutResult(status -> relayBatch());
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed; unpublished rows stay for the next round", e);
        }
    }

    private void relayBatch() {
        List<OutboxMessage> batch = outbox.lockUnpublished(properties.batchSize());
        // Send the whole batch first, then wait: the producer pipelines the records instead of one round trip each.
        List<CompletableFuture<SendResult<String, Object>>> sends = batch.stream()
                .map(message -> kafka.send(message.getTopic(), message.getMessageKey(), message.getPayload()))
                .toList();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            if (acked(message, sends.get(i))) {
                message.markPublished(clock.instant());
            }
        }
    }

    private boolean acked(OutboxMessage message, CompletableFuture<SendResult<String, Object>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Outbox message {} to {} not acked; retrying next round", message.getId(), message.getTopic(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while relaying the outbox", e);
        }
    }
}
