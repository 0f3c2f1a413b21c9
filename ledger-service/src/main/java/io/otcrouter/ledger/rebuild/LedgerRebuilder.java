package io.otcrouter.ledger.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.ledger.booking.Booking;
import io.otcrouter.ledger.booking.EventChecks;
import io.otcrouter.ledger.outbox.OutboxRepository;

/**
 * Rebuilds the ledger from the event log: empties the schema (Flyway clean + migrate), replays the decision and both
 * execution topics from the beginning up to the end offsets seen at the start, batch by batch through the same
 * {@link Booking} code path as the listeners, then settles the trades whose settle timeout has passed.
 *
 * <p>The result equals the live ledger because booking is a function of the events: duplicates are dropped by
 * event id, disorder is absorbed, and settlement times and TradeSettled event ids derive from the events
 * ({@code SettleRule}). The replay books each decision as of its decision time ({@link Booking#replay}), as a live
 * ledger that keeps up does; for a trade the live ledger read late (after an outage), whose window it started later,
 * a leg executed in that later window counted live and does not count in the rebuild. TradeSettled rows written during the replay were published by the live service already, so
 * they are marked published instead of being sent again. Trades the final sweep settles may never have been
 * published (the service may have stopped before its sweep), so their rows are relayed: at worst a byte-identical
 * copy with the same event id, which consumers drop. Undecodable and invalid records are skipped: they are in the
 * .DLT.
 * It reads without a consumer group, so the service's committed offsets stay as they were.
 */
@Component
public class LedgerRebuilder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.ROUTES_DECIDED.name(), Topics.JUPITER_EXECUTED.name(),
            Topics.POOLS_EXECUTED.name());

    private final Flyway flyway;
    private final Booking booking;
    private final OutboxRepository outbox;
    private final KafkaProperties kafka;
    private final Clock clock;

    LedgerRebuilder(Flyway flyway, Booking booking, OutboxRepository outbox, KafkaProperties kafka, Clock clock) {
        this.flyway = flyway;
        this.booking = booking;
        this.outbox = outbox;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Returns how many records were replayed. */
    public long rebuild() {
        Flyway cleaner = Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load();
        cleaner.clean();
        cleaner.migrate();
        long replayed;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            replayed = replay(consumer);
        }
        int marked = outbox.markAllPublished(clock.instant());
        int swept = 0;
        for (int settled = booking.settleOverdue(); settled > 0; settled = booking.settleOverdue()) {
            swept += settled;
        }
        log.info("Ledger rebuilt from {} records; {} TradeSettled already published, {} trades settled by timeout",
                replayed, marked, swept);
        return replayed;
    }

    private long replay(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        long replayed = 0;
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            List<RouteDecided> decisions = new ArrayList<>();
            List<LegExecuted> executions = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                replayed++;
                Object event = decode(deserializer, record);
                if (event instanceof RouteDecided decision) {
                    decisions.add(decision);
                } else if (event instanceof LegExecuted execution) {
                    executions.add(execution);
                }
            }
            booking.replay(decisions, executions);
        }
        return replayed;
    }

    /** The record's event, or null for one the listeners dead-lettered (undecodable, or failing EventChecks). */
    private static Object decode(AvroEventDeserializer deserializer, ConsumerRecord<String, byte[]> record) {
        Object event;
        try {
            event = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping undecodable record {}-{}@{} (it is in the dead-letter topic)", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
        Optional<String> invalid = event instanceof RouteDecided decision ? EventChecks.problem(decision)
                : event instanceof LegExecuted execution ? EventChecks.problem(execution) : Optional.empty();
        if (invalid.isPresent()) {
            log.warn("Skipping invalid record {}-{}@{} (it is in the dead-letter topic): {}", record.topic(),
                    record.partition(), record.offset(), invalid.get());
            return null;
        }
        return event;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return properties;
    }
}
