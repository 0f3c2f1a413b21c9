package io.otcrouter.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;

/**
 * Replays of one dead letter racing each other, as from several services sharing a {@code .DLT} (each replayer its
 * own object, so no lock of this process orders them): the shared transactional id fences all but one, and the
 * record reaches its topic once whatever each replayer answers.
 */
@SpringBootTest(classes = ConcurrentReplayIT.TestService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "spring.kafka.producer.value-serializer=io.otcrouter.events.serde.AvroEventSerializer",
                "otc.kafka.partitions=1"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"auto.create.topics.enable=false",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class ConcurrentReplayIT {

    private static final String TOPIC = Topics.PRICES_UPDATED.name();
    private static final String DLT = Topics.PRICES_UPDATED.deadLetterTopic();
    private static final int REPLAYERS = 4;

    @SpringBootApplication
    static class TestService {
        @Bean
        EventTopics eventTopics() {
            return EventTopics.of("price-service", Topics.PRICES_UPDATED);
        }
    }

    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private DeadLetterReader reader;
    @Autowired
    private DeadLetterKafka clients;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void shouldPublishADeadLetterOnceWhenReplayersInSeveralServicesRaceForIt() throws Exception {
        ProducerRecord<String, Object> letter = new ProducerRecord<>(DLT, 0, "SOL",
                "a price no consumer could read".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(0).array())
                .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(41).array());
        long offset = kafka.send(letter).get().getRecordMetadata().offset();

        ExecutorService threads = Executors.newFixedThreadPool(REPLAYERS);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < REPLAYERS; i++) {
                DeadLetterReplayer replayer = new DeadLetterReplayer(reader, clients, "service-" + i);
                Callable<String> replay = () -> {
                    try {
                        return replayer.replay(DLT, 0, offset).status().name();
                    } catch (ReplayConflictException e) {
                        return "CONFLICT";
                    }
                };
                outcomes.add(threads.submit(replay));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get());
            }
            assertThat(answers).hasSize(REPLAYERS).isSubsetOf("REPLAYED", "ALREADY_REPLAYED", "CONFLICT");
            assertThat(answers).filteredOn("REPLAYED"::equals).hasSizeLessThanOrEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        // Whoever lost a race can ask again: the record is on its topic once, and stays so.
        String last = new DeadLetterReplayer(reader, clients, "late-service").replay(DLT, 0, offset).status().name();
        List<String> copies = replayedCopiesOnTheTopic();
        assertThat(copies).containsExactly(DLT + "/0/" + offset);
        assertThat(last).isIn("REPLAYED", "ALREADY_REPLAYED");
    }

    private List<String> replayedCopiesOnTheTopic() {
        return ReplayHeaders.onPartitionZero(broker.getBrokersAsString(), TOPIC).stream()
                .map(from -> from == null ? "not a replay" : from).toList();
    }
}
