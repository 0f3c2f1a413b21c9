package io.otcrouter.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting to be (or already) published: the topic, the key and the encoded record. Each service keeps the
 * table {@code outbox} in its own schema, with the columns {@code id bigint, topic text, message_key text,
 * payload bytea, created_at timestamptz} (all not null), {@code published_at timestamptz} and a partial index on
 * {@code id where published_at is null}.
 *
 * <p>The id comes from the service's own sequence: sequence names are unique across the database (Hibernate's schema
 * validation looks them up by name across schemas), so the entity only names the generator {@value #ID_GENERATOR}
 * and every service defines it in its {@code META-INF/orm.xml}, e.g.
 * {@code <sequence-generator name="outbox_id" sequence-name="ledger_outbox_seq" allocation-size="1000"/>}.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    /** The generator each service defines with its own sequence and allocation size. */
    public static final String ID_GENERATOR = "outbox_id";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = ID_GENERATOR)
    private Long id;
    @Column(nullable = false)
    private String topic;
    @Column(name = "message_key", nullable = false)
    private String messageKey;
    @Column(nullable = false)
    private byte[] payload;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String topic, String messageKey, byte[] payload, Instant createdAt) {
        this.topic = topic;
        this.messageKey = messageKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public byte[] getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
