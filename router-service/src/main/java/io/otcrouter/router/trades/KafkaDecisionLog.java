package io.otcrouter.router.trades;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.otcrouter.events.catalog.Topics;

/**
 * Searches the one partition a trade's decision goes to (decisions are keyed by trade id, with the producer's
 * default partitioner), from shortly before the decision was made to the end of the log or to the first record
 * written after the decision could last have been appended, comparing keys only. Used only when an attempt resumes
 * a trade whose publication the router's own records leave open (a crash, an unconfirmed publish), so rarely, and
 * never more than {@link #CONCURRENT_SEARCHES} at once: a search that cannot start or finish in time says UNKNOWN,
 * and the client is told to poll, never that the trade may be decided again.
 */
@Component
class KafkaDecisionLog implements DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaDecisionLog.class);
    static final int CONCURRENT_SEARCHES = 2;
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final PublishTimeouts timeouts;
    private final Semaphore searches = new Semaphore(CONCURRENT_SEARCHES);
    private final Clock clock = Clock.systemUTC();

    KafkaDecisionLog(ConsumerFactory<?, ?> consumers, PublishTimeouts timeouts) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        // Reads by assignment, commits nothing, decodes nothing but keys.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "router-decision-log");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.timeouts = timeouts;
    }

    @Override
    public Search find(String tradeId, Instant decidedAt) {
        try {
            if (!searches.tryAcquire(BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                return Search.UNKNOWN;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Search.UNKNOWN;
        }
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerConfig)) {
            return search(consumer, tradeId, decidedAt);
        } catch (KafkaException e) {
            log.warn("Could not search {} for trade {}: {}", Topics.ROUTES_DECIDED.name(), tradeId, e.toString());
            return Search.UNKNOWN;
        } finally {
            searches.release();
        }
    }

    private Search search(KafkaConsumer<String, byte[]> consumer, String tradeId, Instant decidedAt) {
        String topic = Topics.ROUTES_DECIDED.name();
        int partitions = consumer.partitionsFor(topic, BUDGET).size();
        TopicPartition partition = new TopicPartition(topic,
                BuiltInPartitioner.partitionForKey(tradeId.getBytes(StandardCharsets.UTF_8), partitions));
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), BUDGET).get(partition);
        OffsetAndTimestamp start = consumer.offsetsForTimes(
                Map.of(partition, timeouts.earliestPossibleAppend(decidedAt).toEpochMilli()), BUDGET).get(partition);
        if (start == null || start.offset() >= end) {
            return Search.ABSENT; // nothing written since shortly before the decision
        }
        long writtenTooLate = timeouts.lastPossibleAppend(decidedAt).toEpochMilli();
        Instant deadline = clock.instant().plus(BUDGET);
        consumer.seek(partition, start.offset());
        while (clock.instant().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end || record.timestamp() > writtenTooLate) {
                    return Search.ABSENT;
                }
                if (tradeId.equals(record.key())) {
                    return Search.FOUND;
                }
            }
            if (consumer.position(partition, BUDGET) >= end) {
                return Search.ABSENT;
            }
        }
        return Search.UNKNOWN;
    }
}
