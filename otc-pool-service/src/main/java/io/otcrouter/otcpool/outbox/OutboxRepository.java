package io.otcrouter.otcpool.outbox;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * The oldest unpublished messages, locked for this transaction. {@code SKIP LOCKED} lets several instances relay
     * side by side without sending the same rows at the same time.
     */
    @Query(value = """
            select * from {h-schema}outbox
            where published_at is null
            order by id
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<OutboxMessage> lockUnpublished(@Param("limit") int limit);

    /** Rows the relay has not published yet (the partial index {@code outbox_unpublished} covers them). */
    @Query(value = "select count(*) from {h-schema}outbox where published_at is null", nativeQuery = true)
    long countUnpublished();
}
