package io.otcrouter.ledger.outbox;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * The oldest unpublished messages, locked for this transaction. SKIP LOCKED lets several ledger instances relay
     * side by side without sending the same rows twice.
     */
    @Query(value = "select * from outbox where published_at is null order by id limit :limit for update skip locked",
            nativeQuery = true)
    List<OutboxMessage> lockUnpublished(@Param("limit") int limit);

    long countByTopicAndMessageKey(String topic, String messageKey);

    long countByPublishedAtIsNull();
}
