package io.otcrouter.ledger.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.InvalidEventException;

/**
 * Feeds batches of decisions and leg executions to {@link Booking}, one transaction per batch. Records are keyed by
 * tradeId, so one trade's events on one topic arrive in order; across topics they may not, which Booking tolerates
 * (see its Javadoc), as it tolerates redeliveries (processed_event).
 *
 * <p>A record that can never be booked (undecodable, another type, or failing {@link EventChecks}) stops the batch
 * there: the records before it are booked, then {@link BatchListenerFailedException} tells the error handler which
 * record failed, so it commits the good prefix, sends the bad record to its {@code .DLT} at once and redelivers the
 * rest. The record is named by itself, not by its index: the container may have filtered records out of the poll
 * (replayed dead letters meant for another group), so an index into this list would point at the wrong record.
 * Any other failure (PostgreSQL unreachable) fails the whole batch, which the error handler retries with backoff
 * until it is booked: the transaction rolled back, so nothing of it was booked before.
 *
 * <p>Batch listeners are not seen by a {@code RecordInterceptor}, and one batch holds many trades, so no trade id is
 * put in the logging context here: {@link Booking} puts it there around its own per-trade log lines.
 */
@Component
class BookingListener {

    /** spring-kafka logs through it when the exception header cannot be read; a null logger would throw there. */
    private static final LogAccessor HEADER_LOG = new LogAccessor(BookingListener.class);


    static final String DECISIONS_LISTENER = "ledger-decisions";
    static final String EXECUTIONS_LISTENER = "ledger-executions";

    private final Booking booking;
    private final BookingMeters meters;

    BookingListener(Booking booking, BookingMeters meters) {
        this.booking = booking;
        this.meters = meters;
    }

    @KafkaListener(id = DECISIONS_LISTENER, idIsGroup = false, batch = "true",
            topics = Topics.Names.ROUTES_DECIDED)
    void onRouteDecided(List<ConsumerRecord<String, Object>> records) {
        bookValidPrefix(records, RouteDecided.class, EventChecks::problem,
                decisions -> booking.book(decisions, List.of()));
    }

    @KafkaListener(id = EXECUTIONS_LISTENER, idIsGroup = false, batch = "true",
            topics = {Topics.Names.JUPITER_EXECUTED, Topics.Names.POOLS_EXECUTED},
            containerPostProcessor = "legProgressTracking")
    void onLegExecuted(List<ConsumerRecord<String, Object>> records) {
        bookValidPrefix(records, LegExecuted.class, EventChecks::problem,
                executions -> booking.book(List.of(), executions));
    }

    private <T> void bookValidPrefix(List<ConsumerRecord<String, Object>> records, Class<T> type,
            Function<T, Optional<String>> problem, Consumer<List<T>> book) {
        List<T> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (!type.isInstance(record.value())) {
                throw bookPrefixAndFail(records, i, events, book, describe(record, type), cause(record));
            }
            T event = type.cast(record.value());
            Optional<String> invalid = problem.apply(event);
            if (invalid.isPresent()) {
                throw bookPrefixAndFail(records, i, events, book, describe(record, type) + ": " + invalid.get(),
                        new InvalidEventException(invalid.get()));
            }
            events.add(event);
        }
        book.accept(events);
        meters.batchBooked(records);
    }

    /** Books the records before the failed one and names the failed one to the error handler. */
    private <T> BatchListenerFailedException bookPrefixAndFail(List<ConsumerRecord<String, Object>> records,
            int failed, List<T> prefix, Consumer<List<T>> book, String why, Exception cause) {
        book.accept(prefix);
        meters.batchBooked(records.subList(0, failed));
        return new BatchListenerFailedException(why, cause, records.get(failed));
    }

    private static String describe(ConsumerRecord<String, Object> record, Class<?> type) {
        String at = "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
        if (type.isInstance(record.value())) {
            return at + " is an invalid " + type.getSimpleName();
        }
        return at + " is not a " + type.getSimpleName() + (record.value() == null ? " (undecodable)" : " but a "
                + record.value().getClass().getSimpleName());
    }

    private static Exception cause(ConsumerRecord<String, Object> record) {
        Exception deserialization = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        return deserialization != null ? deserialization : new IllegalArgumentException("Unexpected event type");
    }
}
