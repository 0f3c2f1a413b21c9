package io.otcrouter.outbox;

import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.serde.AvroEventSerializer;

/**
 * The transactional outbox: an event is stored in the same database transaction as the fact it reports, and
 * {@link OutboxRelay} publishes it after the commit. A crash between the two cannot lose the event nor publish one for
 * a change that was rolled back. The payload is already the Avro single-object encoding (eventId included), so the
 * relay forwards bytes and a copy sent twice is byte-identical.
 */
public class Outbox {

    private final OutboxRepository repository;
    private final Clock clock;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    /** One instance: transaction synchronizations are a set, so a transaction appending many rows wakes once. */
    private final TransactionSynchronization wakeRelayAfterCommit;

    /** @param afterCommit run once after each commit that appended (wakes the relay); nothing when none relays */
    public Outbox(OutboxRepository repository, Clock clock, Runnable afterCommit) {
        this.repository = repository;
        this.clock = clock;
        this.wakeRelayAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        };
    }

    /** Stores the event for {@code topic} under {@code key}; must join the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        repository.save(new OutboxMessage(topic.name(), key, serializer.serialize(topic.name(), event),
                clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
        }
    }
}
