package io.otcrouter.quote;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Reads one topic from its beginning with a plain consumer until a wanted record shows up. */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    public TopicReader(EmbeddedKafkaBroker broker, String topic, Deserializer<V> valueDeserializer) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-reader-" + UUID.randomUUID(), false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
        await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record, from the beginning of the topic, that matches. */
    public ConsumerRecord<String, V> awaitRecord(Predicate<ConsumerRecord<String, V>> match) {
        return await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(match).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
