package io.otcrouter.ledger.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;

/**
 * Feeds batches of decisions and leg executions to {@link Booking}, one transaction per batch. Records are keyed by
 * tradeId, so one trade's events on one topic arrive in order; across topics they may not, which Booking tolerates
 * (see its Javadoc), as it tolerates redeliveries (processed_event).
 *
 * <p>A record that is not the topic's event (undecodable, or another type) stops the batch there: the records
 * before it are booked, then {@link BatchListenerFailedException} tells the error handler which record failed, so it
 * commits the good prefix, sends the bad record to its {@code .DLT} and redelivers the rest.
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
            topics = "#{T(io.otcrouter.events.catalog.Topics).ROUTES_DECIDED.name()}")
    void onRouteDecided(List<ConsumerRecord<String, Object>> records) {
        bookValidPrefix(records, RouteDecided.class, decisions -> booking.book(decisions, List.of()));
    }

    @KafkaListener(id = EXECUTIONS_LISTENER, idIsGroup = false, batch = "true",
            topics = {"#{T(io.otcrouter.events.catalog.Topics).JUPITER_EXECUTED.name()}",
                    "#{T(io.otcrouter.events.catalog.Topics).POOLS_EXECUTED.name()}"})
    void onLegExecuted(List<ConsumerRecord<String, Object>> records) {
        bookValidPrefix(records, LegExecuted.class, executions -> booking.book(List.of(), executions));
    }

    private <T> void bookValidPrefix(List<ConsumerRecord<String, Object>> records, Class<T> type,
            Consumer<List<T>> book) {
        List<T> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (!type.isInstance(record.value())) {
                book.accept(events);
                meters.batchBooked(records.subList(0, i));
                throw new BatchListenerFailedException(describe(record, type), cause(record), i);
            }
            events.add(type.cast(record.value()));
        }
        book.accept(events);
        meters.batchBooked(records);
    }

    private static String describe(ConsumerRecord<String, Object> record, Class<?> type) {
        return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " is not a "
                + type.getSimpleName() + (record.value() == null ? " (undecodable)" : " but a "
                + record.value().getClass().getSimpleName());
    }

    private static Exception cause(ConsumerRecord<String, Object> record) {
        Exception deserialization = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        return deserialization != null ? deserialization : new IllegalArgumentException("Unexpected event type");
    }
}
