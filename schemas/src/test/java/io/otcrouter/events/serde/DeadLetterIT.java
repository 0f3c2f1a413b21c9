package io.otcrouter.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.util.backoff.FixedBackOff;

import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.SampleEvents;
import io.otcrouter.events.catalog.DeadLetters;
import io.otcrouter.events.catalog.Topics;

/**
 * A poison record must not block its partition: the contract's deserializer, wrapped in spring-kafka's
 * ErrorHandlingDeserializer, sends it to the dead-letter topic and the next good record is still consumed.
 */
class DeadLetterIT {

    private static final String TOPIC = Topics.PRICES_UPDATED.name();
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, Topics.PRICES_UPDATED.deadLetterTopic());
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldSendGarbageToTheDeadLetterTopicAndStillConsumeTheNextGoodRecord() {
        List<SpecificRecord> consumed = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, SpecificRecord> container = listenerContainer(consumed);
        container.start();
        try (var producer = new KafkaProducer<String, byte[]>(producerProps())) {
            byte[] garbage = {0x13, 0x37, 0x00, 0x42};
            producer.send(new ProducerRecord<>(TOPIC, "SOL", garbage));
            producer.send(new ProducerRecord<>(TOPIC, "SOL", new AvroEventSerializer().serialize(TOPIC,
                    SampleEvents.priceUpdated())));
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumed)
                    .singleElement().isInstanceOf(PriceUpdated.class));
            assertThat(readDeadLetters()).singleElement()
                    .satisfies(dead -> assertThat(dead.value()).containsExactly(garbage));
        } finally {
            container.stop();
        }
    }

    private KafkaMessageListenerContainer<String, SpecificRecord> listenerContainer(List<SpecificRecord> consumed) {
        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker.getBrokersAsString(), "dlt-test");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumerFactory = new DefaultKafkaConsumerFactory<String, SpecificRecord>(consumerProps,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new AvroEventDeserializer()));
        ContainerProperties containerProps = new ContainerProperties(TOPIC);
        containerProps.setMessageListener((MessageListener<String, SpecificRecord>) r -> consumed.add(r.value()));
        var container = new KafkaMessageListenerContainer<>(consumerFactory, containerProps);
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, Object>(producerProps(),
                new StringSerializer(), new AvroEventSerializer()));
        container.setCommonErrorHandler(new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(template, (failed, cause) -> DeadLetters.partitionFor(failed)),
                new FixedBackOff(0, 1)));
        return container;
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker.getBrokersAsString(), "dlt-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PRICES_UPDATED.deadLetterTopic()));
            List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records;
        }
    }

    private static Map<String, Object> producerProps() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
