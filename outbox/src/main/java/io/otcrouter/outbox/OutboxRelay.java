package io.otcrouter.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes outbox rows to Kafka in id order and marks them published once the broker acknowledged them
 * ({@code acks=all}, idempotent producer).
 *
 * <p>When: at once after a commit in this instance that appended ({@link #wake}), and every
 * {@link OutboxProperties#pollInterval()} as the safety net for rows of other instances, rows left by a crash, and
 * rows whose send failed. An idle instance therefore opens one short transaction per poll interval, not ten a second.
 * Wake-ups arriving while a round runs are folded into one further round, so a busy service relays in batches.
 *
 * <p>Only the prefix of rows acknowledged in order is marked, in one update per round: a failed send is retried before
 * anything written after it is considered done. Delivery is at-least-once: a crash (or a lost ack) between the send
 * and the commit of the mark publishes the rows again. Consumers drop the copies by eventId. Rows are locked with
 * {@code skip locked}, so several instances relay side by side without sending the same row at the same time.
 *
 * <p>A database or broker that is briefly away is waited for: the rows stay and later rounds retry them, and each
 * outage costs one WARN line and one INFO line when it is over ({@link DependencyOutage}), not a stack trace a round.
 * Any other failure of a round is a bug: it propagates from {@link #relayPending}, and the relay thread logs it as an
 * ERROR and goes on polling.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final KafkaOperations<String, Object> kafka;
    private final TransactionOperations transaction;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final DependencyOutage databaseOutage = new DependencyOutage(log,
            "Outbox relay waits for the database; unpublished rows stay until it answers",
            "Outbox relay reaches the database again");
    private final DependencyOutage brokerOutage = new DependencyOutage(log,
            "Outbox relay waits for the Kafka broker; unacknowledged rows are sent again until it answers",
            "Outbox relay reaches the Kafka broker again");
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository repository, KafkaOperations<String, Object> kafka,
            TransactionOperations transaction, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.kafka = kafka;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks for a round now; cheap, never blocks, and many calls before the round starts make one round. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Relays rounds until one finds fewer rows than a batch or a send fails.
     *
     * @return rows marked published
     * @throws RuntimeException a failure that does not mean the database is away (a bug)
     */
    public int relayPending() {
        int total = 0;
        int published;
        do {
            published = relayRound();
            total += published;
        } while (published == properties.batchSize() && running);
        return total;
    }

    /**
     * @return rows marked published by one round: at most a batch, fewer if a send failed or fewer were waiting, none
     *         if the database is away
     */
    int relayRound() {
        Integer published;
        try {
            published = transaction.execute(status -> relayBatch());
        } catch (RuntimeException e) {
            if (!DependencyOutage.isDatabaseAway(e)) {
                throw e;
            }
            databaseOutage.failed(e);
            return 0;
        }
        databaseOutage.answered();
        return published == null ? 0 : published;
    }

    private int relayBatch() {
        List<OutboxMessage> batch = repository.lockUnpublished(properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // Send the whole batch first, then wait: the producer pipelines the records instead of one round trip each.
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            if (!sends.isEmpty() && sends.get(sends.size() - 1).isCompletedExceptionally()) {
                break; // the broker is failing: do not queue the rest behind it, the next round retries them
            }
            sends.add(send(message));
        }
        int acknowledged = acknowledgedPrefix(batch, sends);
        if (acknowledged > 0) {
            Long[] ids = batch.subList(0, acknowledged).stream().map(OutboxMessage::getId).toArray(Long[]::new);
            repository.markPublished(ids, clock.instant());
        }
        log.debug("Relayed {} of {} outbox messages", acknowledged, batch.size());
        return acknowledged;
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        try {
            // The value serializer passes byte[] through unchanged: the payload is already the encoded event.
            return kafka.send(message.getTopic(), message.getMessageKey(), message.getPayload());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** How many sends, from the first, the broker acknowledged before the round's deadline. */
    private int acknowledgedPrefix(List<OutboxMessage> batch, List<CompletableFuture<?>> sends) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            OutboxMessage message = batch.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return notAcknowledged(message, e.getCause() != null ? e.getCause() : e, i);
            } catch (TimeoutException e) {
                return notAcknowledged(message, new TimeoutException("no acknowledgement within "
                        + properties.sendTimeout()), i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while relaying outbox message {}; it will be sent again", message.getId());
                return i;
            }
        }
        if (!sends.isEmpty()) {
            brokerOutage.answered();
        }
        return sends.size();
    }

    private int notAcknowledged(OutboxMessage message, Throwable failure, int acknowledged) {
        log.debug("Outbox message {} to {} not acknowledged; it and the rows after it will be sent again: {}",
                message.getId(), message.getTopic(), failure.toString());
        brokerOutage.failed(failure);
        return acknowledged;
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wakeUps.drainPermits();
            if (running) {
                try {
                    relayPending();
                } catch (RuntimeException e) {
                    log.error("Outbox relay round failed; unpublished rows stay for the next round", e);
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the round in flight finish (at most about a send timeout), so its acknowledged rows are marked. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        try {
            worker.join(properties.sendTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
