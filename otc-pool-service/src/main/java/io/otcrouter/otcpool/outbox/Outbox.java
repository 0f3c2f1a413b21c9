package io.otcrouter.otcpool.outbox;

import java.time.Clock;
import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.serde.AvroEventSerializer;

/**
 * The transactional outbox: an event is stored in the same database transaction as the fact it reports, and
 * {@link OutboxRelay} publishes it afterwards. A crash between the two cannot lose the event nor publish one for a
 * change that was rolled back. The payload is already the Avro single-object encoding, so the relay forwards bytes.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final Clock clock;

    public Outbox(OutboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        byte[] payload = serializer.serialize(topic.name(), event);
        repository.save(new OutboxMessage(topic.name(), key, payload, Instant.now(clock)));
    }
}
