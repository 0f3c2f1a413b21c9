package io.otcrouter.ledger.booking;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The id of an event already applied to the ledger; inserted in the same transaction as its effects. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    private String eventId;
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    public String getEventId() { return eventId; }
    public Instant getProcessedAt() { return processedAt; }
}
