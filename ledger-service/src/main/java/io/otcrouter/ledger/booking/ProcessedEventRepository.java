package io.otcrouter.ledger.booking;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProcessedEventRepository extends JpaRepository<ProcessedEvent, String> {

    /** Records an event id; returns 0 when it was already recorded, i.e. the event is a redelivery. */
    @Modifying
    @Query(value = "insert into processed_event (event_id, processed_at) values (:eventId, now())"
            + " on conflict (event_id) do nothing", nativeQuery = true)
    int markProcessed(@Param("eventId") String eventId);
}
