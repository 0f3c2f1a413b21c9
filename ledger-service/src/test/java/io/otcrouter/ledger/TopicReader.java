package io.otcrouter.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.serde.AvroEventDeserializer;

/** Reads one topic from its beginning and keeps every record seen, for assertions on what was published. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    TopicReader(EmbeddedKafkaBroker broker, String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls briefly and returns every record seen so far with this key. */
    List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Polls briefly and returns every decoded event seen so far with this key. */
    List<SpecificRecord> eventsWithKey(String key) {
        return recordsWithKey(key).stream()
                .map(record -> deserializer.deserialize(record.topic(), record.value()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
