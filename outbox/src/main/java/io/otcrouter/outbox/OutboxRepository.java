package io.otcrouter.outbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.QueryHint;

/** The service's outbox table; {@code {h-schema}} is the service's {@code hibernate.default_schema}. */
public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * The oldest unpublished messages, locked for this transaction. {@code SKIP LOCKED} lets several instances relay
     * side by side without sending the same rows at the same time. Read-only: the relay marks them with one update.
     */
    @Query(value = """
            select * from {h-schema}outbox
            where published_at is null
            order by id
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    @QueryHints(@QueryHint(name = "org.hibernate.readOnly", value = "true"))
    List<OutboxMessage> lockUnpublished(@Param("limit") int limit);

    /** Marks a relayed prefix published in one statement (one plan whatever the number of ids). */
    @Modifying
    @Query(value = "update {h-schema}outbox set published_at = :at where id = any(:ids)", nativeQuery = true)
    int markPublished(@Param("ids") Long[] ids, @Param("at") Instant at);

    /** Deletes at most {@code limit} rows published before {@code before}, oldest first along the primary key. */
    @Modifying
    @Query(value = """
            delete from {h-schema}outbox where id in (
                select id from {h-schema}outbox where published_at < :before order by id limit :limit)
            """, nativeQuery = true)
    int deletePublishedBefore(@Param("before") Instant before, @Param("limit") int limit);

    /** Rows the relay has not published yet (a partial index on unpublished ids keeps it cheap). */
    @Query(value = "select count(*) from {h-schema}outbox where published_at is null", nativeQuery = true)
    long countUnpublished();

    long countByTopicAndMessageKey(String topic, String messageKey);
}
