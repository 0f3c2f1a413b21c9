package io.otcrouter.ledger.outbox;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A Kafka record written in a business transaction and relayed once that transaction has committed. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_outbox_seq")
    @SequenceGenerator(name = "ledger_outbox_seq", sequenceName = "ledger_outbox_seq", allocationSize = 1000)
    private Long id;

    private String topic;
    private String messageKey;
    private byte[] payload;
    private Instant createdAt;
    private Instant publishedAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String topic, String messageKey, byte[] payload, Instant createdAt) {
        this.topic = topic;
        this.messageKey = messageKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    void markPublished(Instant at) {
        publishedAt = at;
    }

    public Long getId() { return id; }
    public String getTopic() { return topic; }
    public String getMessageKey() { return messageKey; }
    public byte[] getPayload() { return payload; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPublishedAt() { return publishedAt; }
}
