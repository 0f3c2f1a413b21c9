package io.otcrouter.otcpool.watermark;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.otcpool.config.PoolProperties;

/**
 * The time up to which the reservation sweep may release expired firm quotes: the least read-through time of all the
 * decision topic's partitions, over every pool instance ({@code decision_progress}), less a slack, and never after
 * now. A quote that expired after it may still be claimed by a decision that waits unread in a backlog (a decision
 * made while the quote was valid is honoured), so its hold is kept. A partition without a row has not been read, so
 * nothing is released before every partition has been; a caught-up partition moves to the time it was last checked,
 * so an idle one does not hold the watermark back.
 */
@Component
public class DecisionWatermark {

    private final EntityManager entityManager;
    private final DecisionProgress progress;
    private final Clock clock;
    private final Duration slack;

    DecisionWatermark(EntityManager entityManager, DecisionProgress progress, PoolProperties properties,
            Clock clock) {
        this.entityManager = entityManager;
        this.progress = progress;
        this.clock = clock;
        this.slack = properties.decisionWatermarkSlack();
    }

    /** Writes this instance's progress; a row only moves forward, whoever wrote it before. */
    @Transactional
    public void record() {
        Map<Integer, Instant> local = progress.readThrough(progress.topic());
        Timestamp now = Timestamp.from(clock.instant());
        local.forEach((partition, through) -> entityManager.createNativeQuery("""
                insert into {h-schema}decision_progress (topic, partition_no, read_through, updated_at)
                values (:topic, :partition, :through, :now)
                on conflict (topic, partition_no) do update
                set read_through = greatest(decision_progress.read_through, excluded.read_through),
                    updated_at = excluded.updated_at
                """).setParameter("topic", progress.topic()).setParameter("partition", partition)
                .setParameter("through", Timestamp.from(through)).setParameter("now", now).executeUpdate());
    }

    /** @return the latest expiry the sweep may release now, or empty while some partition has not been read */
    @Transactional(readOnly = true)
    public Optional<Instant> cutoff(Instant now) {
        OptionalInt partitions = progress.partitions(progress.topic());
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*), min(read_through) from {h-schema}decision_progress
                where topic = :topic and partition_no < :partitions
                """).setParameter("topic", progress.topic()).setParameter("partitions", partitions.getAsInt())
                .getSingleResult();
        return cutoff(now, partitions.getAsInt(), ((Number) row[0]).longValue(), instant(row[1]), slack);
    }

    /**
     * @param partitions  how many partitions the decision topic has
     * @param rows        how many of them have a read-through time
     * @param leastRead   the least of those times, or null
     * @return {@code min(now, leastRead - slack)}, or empty unless every partition has been read
     */
    static Optional<Instant> cutoff(Instant now, int partitions, long rows, Instant leastRead, Duration slack) {
        if (partitions <= 0 || rows < partitions || leastRead == null) {
            return Optional.empty();
        }
        Instant through = leastRead.minus(slack);
        return Optional.of(through.isBefore(now) ? through : now);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected read_through type " + value.getClass());
    }
}
