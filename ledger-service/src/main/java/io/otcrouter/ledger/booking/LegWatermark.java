package io.otcrouter.ledger.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.kafka.progress.ReadProgress;

/**
 * The time through which every leg execution has been booked, over every ledger instance: the least read-through
 * time of all partitions of both leg-execution topics ({@code read_progress}, written from each instance's
 * {@link ReadProgress}), less a slack, and never after now. The settle-timeout sweep settles a trade without its
 * missing legs only once its window ended before this time: a leg that executed within the window but waits unread
 * (the ledger's own backlog, a restart, a rebalance) is then booked first, so the trade settles once, right, instead
 * of provisionally and then corrected. Until every partition has been read, nothing is settled without its legs.
 */
@Component
public class LegWatermark {

    private final JdbcTemplate jdbc;
    private final ReadProgress progress;
    private final Clock clock;
    private final Duration slack;

    LegWatermark(JdbcTemplate jdbc, ReadProgress legProgress, BookingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.progress = legProgress;
        this.clock = clock;
        this.slack = properties.legWatermarkSlack();
    }

    /** Writes this instance's progress; a row only moves forward, whoever wrote it before. */
    public void record() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        progress.readThrough().forEach((partition, through) -> rows.add(
                new Object[] {partition.topic(), partition.partition(), Timestamp.from(through), now}));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into read_progress (topic, partition_no, read_through, updated_at) values (?, ?, ?, ?)
                on conflict (topic, partition_no) do update
                set read_through = greatest(read_progress.read_through, excluded.read_through),
                    updated_at = excluded.updated_at
                """, rows);
    }

    /** @return the time through which every leg has been booked, or empty while some partition has not been read */
    public Optional<Instant> readThrough() {
        Instant least = null;
        for (String topic : progress.topics()) {
            OptionalInt partitions = progress.partitions(topic);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            Instant topicThrough = jdbc.queryForObject("""
                    select count(*), min(read_through) from read_progress where topic = ? and partition_no < ?
                    """, (rs, row) -> rs.getLong(1) < partitions.getAsInt() ? null
                            : rs.getTimestamp(2).toInstant(), topic, partitions.getAsInt());
            if (topicThrough == null) {
                return Optional.empty();
            }
            least = least == null || topicThrough.isBefore(least) ? topicThrough : least;
        }
        return least == null ? Optional.empty() : Optional.of(cutoff(clock.instant(), least, slack));
    }

    /** {@code min(now, leastRead - slack)}. */
    static Instant cutoff(Instant now, Instant leastRead, Duration slack) {
        Instant through = leastRead.minus(slack);
        return through.isBefore(now) ? through : now;
    }
}
