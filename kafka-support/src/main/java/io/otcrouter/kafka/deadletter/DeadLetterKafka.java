package io.otcrouter.kafka.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw-bytes clients of the dead-letter tools, made per request (an operator's request is rare; a client held
 * for it would only sit idle). Both use the service's {@code spring.kafka} connection settings. Reads see only
 * committed records, so a replay that was fenced and aborted is invisible.
 */
final class DeadLetterKafka {

    /**
     * One transactional id for every replay of every service: a replay first fences whoever else holds it (another
     * service or instance replaying at the same moment) before it reads the markers, so "not yet replayed" cannot
     * be decided twice for the same dead letter.
     */
    static final String REPLAY_TRANSACTIONAL_ID = "otc-dead-letter-replay";

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final Duration timeout;

    DeadLetterKafka(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, Duration timeout) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.producerConfig = new HashMap<>(producerConfig);
        this.producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, REPLAY_TRANSACTIONAL_ID);
        this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        this.timeout = timeout;
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    KafkaProducer<byte[], byte[]> replayProducer() {
        return new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Up to {@code max} records of one partition from offset {@code from} up to (not including) {@code until}, in
     * offset order. Offsets without a record (transaction markers, compacted away) are skipped.
     */
    List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition,
            long from, long until, int max) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < max && consumer.position(partition) < until) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Reading " + partition + " from " + from + " took longer than " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() < until && records.size() < max) {
                    records.add(record);
                }
            }
        }
        return records;
    }
}
