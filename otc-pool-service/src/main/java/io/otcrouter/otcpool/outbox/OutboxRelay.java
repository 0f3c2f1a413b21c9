package io.otcrouter.otcpool.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes outbox rows to Kafka in id order and marks them published once the broker acknowledged them
 * ({@code acks=all}, idempotent producer).
 *
 * <p>Delivery is at-least-once: a crash after the send and before the commit publishes the row again on the next
 * run. Consumers deduplicate: by {@code eventId}, and for executions by {@code (tradeId, legId)}; pool state is
 * a full snapshot on a compacted topic, so a repeat is harmless. Only the prefix of rows acknowledged in order is
 * marked, so a failed send is retried before anything written after it is considered done.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRelay(OutboxRepository repository, KafkaTemplate<String, Object> kafkaTemplate,
            OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.kafkaTemplate = kafkaTemplate;
        this.properties = properties;
        this.clock = clock;
    }

    // Reads the same property as OutboxProperties#pollInterval; an annotation needs it as a placeholder.
    @Scheduled(fixedDelayString = "${otc.outbox.poll-interval:100ms}")
    @Transactional
    public void relay() {
        List<OutboxMessage> batch = repository.lockUnpublished(properties.batchSize());
        if (batch.isEmpty()) {
            return;
        }
        // The value serializer passes byte[] through unchanged: the payload is already the encoded event.
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            if (!sends.isEmpty() && sends.get(sends.size() - 1).isCompletedExceptionally()) {
                break; // the broker is failing: do not block on every remaining row, retry them next run
            }
            sends.add(send(message));
        }
        Instant now = Instant.now(clock);
        int published = 0;
        for (int i = 0; i < sends.size(); i++) {
            OutboxMessage message = batch.get(i);
            if (!acknowledged(message, sends.get(i))) {
                break;
            }
            message.markPublished(now);
            published++;
        }
        log.debug("Relayed {} of {} outbox messages", published, batch.size());
    }

    private CompletableFuture<SendResult<String, Object>> send(OutboxMessage message) {
        try {
            return kafkaTemplate.send(message.getTopic(), message.getMessageKey(), message.getPayload());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(OutboxMessage message, CompletableFuture<SendResult<String, Object>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while relaying outbox message {}; it will be sent again", message.getId());
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Outbox message {} to {} not acknowledged; it will be sent again", message.getId(),
                    message.getTopic(), e);
            return false;
        }
    }
}
