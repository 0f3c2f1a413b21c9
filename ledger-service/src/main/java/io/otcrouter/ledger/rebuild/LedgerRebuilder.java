package io.otcrouter.ledger.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

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
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.ledger.booking.Booking;
import io.otcrouter.ledger.booking.EventChecks;
import io.otcrouter.ledger.booking.PublishedSettlements;
import io.otcrouter.ledger.booking.RebuiltSettlements;

/**
 * Rebuilds the ledger from the event log: reads what it had published (the latest settlement revision of each trade
 * on the settled topic), empties the schema (Flyway clean + migrate), replays the decision and both execution topics
 * from the beginning up to the end offsets seen at the start, batch by batch through the same {@link Booking} code
 * path as the listeners, settles the trades whose settle timeout has passed, then aligns the rebuilt settlements with
 * the published ones ({@link RebuiltSettlements}).
 *
 * <p>The result equals the live ledger because booking is a function of the events: duplicates are dropped by
 * event id, disorder is absorbed, every booked leg counts and settlement times derive from the legs ({@code
 * SettleRule}). The replay books each decision as of its decision time ({@link Booking#replay}) and holds every leg
 * before the sweep, so it settles each trade once, where the live ledger may have settled it provisionally and
 * corrected it since: aligning gives each trade the revision consumers last saw. Nothing consumers were told is sent
 * again (the replay and its sweep publish nothing); a trade whose rebuilt settlement differs from the
 * published one, or that was never published, is published as the next revision (a correction) or as revision 1.
 * Undecodable and invalid records are skipped: they are in the .DLT. It reads without a consumer group, so the
 * service's committed offsets stay as they were. Run it with the service stopped: a settlement relayed after the
 * settled topic was read would be published again as a correction of the one before it.
 */
@Component
public class LedgerRebuilder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.ROUTES_DECIDED.name(), Topics.JUPITER_EXECUTED.name(),
            Topics.POOLS_EXECUTED.name());
    private static final List<String> PUBLISHED = List.of(Topics.TRADES_SETTLED.name());

    private final Flyway flyway;
    private final Booking booking;
    private final RebuiltSettlements settlements;
    private final KafkaProperties kafka;

    LedgerRebuilder(Flyway flyway, Booking booking, RebuiltSettlements settlements, KafkaProperties kafka) {
        this.flyway = flyway;
        this.booking = booking;
        this.settlements = settlements;
        this.kafka = kafka;
    }

    /** Returns how many records were replayed. */
    public long rebuild() {
        PublishedSettlements published = new PublishedSettlements();
        long replayed;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            readToEnd(consumer, PUBLISHED, (decoded, events) -> {
                if (decoded instanceof TradeSettled settled) {
                    published.add(settled);
                }
            });
            Flyway cleaner = Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load();
            cleaner.clean();
            cleaner.migrate();
            replayed = replay(consumer);
        }
        int swept = 0;
        for (int settled = booking.settleOverdueReplayed(); settled > 0; settled = booking.settleOverdueReplayed()) {
            swept += settled;
        }
        RebuiltSettlements.Alignment alignment = settlements.alignWith(published);
        log.info("Ledger rebuilt from {} records; {} trades settled by timeout; against the {} settlements published"
                + " before: {} unchanged, {} corrected, {} published for the first time", replayed, swept,
                published.size(), alignment.unchanged(), alignment.corrected(), alignment.firstPublished());
        return replayed;
    }

    private long replay(KafkaConsumer<String, byte[]> consumer) {
        return readToEnd(consumer, TOPICS, (decoded, batch) -> {
            if (decoded instanceof RouteDecided decision) {
                batch.decisions().add(decision);
            } else if (decoded instanceof LegExecuted execution) {
                batch.executions().add(execution);
            }
        });
    }

    /** One poll's decisions and executions, booked together. */
    private record Batch(List<RouteDecided> decisions, List<LegExecuted> executions) {
    }

    /**
     * Reads {@code topics} from the beginning to the end offsets seen now, handing each valid event to {@code collect};
     * books what a poll collected before the next.
     */
    private long readToEnd(KafkaConsumer<String, byte[]> consumer, List<String> topics,
            BiConsumer<Object, Batch> collect) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        long read = 0;
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                read++;
                Object event = decode(deserializer, record);
                if (event != null) {
                    collect.accept(event, batch);
                }
            }
            if (!batch.decisions().isEmpty() || !batch.executions().isEmpty()) {
                booking.replay(batch.decisions(), batch.executions());
            }
        }
        return read;
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
