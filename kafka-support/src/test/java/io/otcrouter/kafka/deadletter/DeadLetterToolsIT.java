package io.otcrouter.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.EventTopics;
import io.otcrouter.kafka.InvalidEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter tools over HTTP, on a real broker, with the services' own serde and error rule: two poison records
 * (one that does not decode, one a listener rejects) are listed, shown decoded, and replayed — each replay
 * publishing its record once however often it is asked for.
 */
@SpringBootTest(classes = DeadLetterToolsIT.TestService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.consumer.group-id=dead-letter-tools-it",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "spring.kafka.consumer.value-deserializer="
                        + "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
                "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class="
                        + "io.otcrouter.events.serde.AvroEventDeserializer",
                "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "spring.kafka.producer.value-serializer=io.otcrouter.events.serde.AvroEventSerializer",
                "otc.kafka.partitions=1", "otc.kafka.retry-initial=50ms", "otc.kafka.retry-max=200ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"auto.create.topics.enable=false",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class DeadLetterToolsIT {

    private static final String TOPIC = Topics.PRICES_UPDATED.name();
    private static final String DLT = Topics.PRICES_UPDATED.deadLetterTopic();
    private static final byte[] NOT_AVRO = "not an Avro event".getBytes(StandardCharsets.UTF_8);
    private static final String REJECTED_EVENT_ID = "e-rejected-bonk";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootApplication
    static class TestService {
        @Bean
        EventTopics eventTopics() {
            // Writes prices (so the topic is declared) and reads them back, which gives it the .DLT.
            return EventTopics.of("price-service", Topics.PRICES_UPDATED);
        }

        @Bean
        PriceBoard priceBoard() {
            return new PriceBoard();
        }
    }

    /** A listener that rejects one event as invalid until "the fix is deployed". */
    static class PriceBoard {
        final List<ConsumerRecord<String, PriceUpdated>> applied = new CopyOnWriteArrayList<>();
        volatile boolean rejecting = true;

        @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}")
        void apply(ConsumerRecord<String, PriceUpdated> record) {
            if (rejecting && record.value().getEventId().equals(REJECTED_EVENT_ID)) {
                throw new InvalidEventException("priceUsd of BONK is out of band");
            }
            applied.add(record);
        }
    }

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private PriceBoard board;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void shouldListShowAndReplayEachDeadLetterOnceHoweverOftenItIsReplayed() throws Exception {
        kafka.send(TOPIC, "JUP", NOT_AVRO).get();
        kafka.send(TOPIC, "BONK", bonk()).get();

        // Listed: the .DLT of the one topic this service reads, with both records.
        await().atMost(Duration.ofSeconds(30)).until(() -> get("").get(0).get("records").asLong() == 2);
        JsonNode listed = get("").get(0);
        assertThat(listed.get("topic").asString()).isEqualTo(DLT);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(listed.get("partitions").get(0).get("endOffset").asLong()).isEqualTo(2);

        // Shown: the undecodable one in base64 with the reason, the rejected one decoded, each with its failure.
        JsonNode page = get("/" + DLT + "/0");
        assertThat(page.get("next").asLong()).isEqualTo(2);
        JsonNode undecodable = page.get("records").get(0);
        assertThat(undecodable.get("key").asString()).isEqualTo("JUP");
        assertThat(undecodable.get("payloadBase64").asString()).isEqualTo(Base64.getEncoder().encodeToString(NOT_AVRO));
        assertThat(undecodable.get("decodeError").asString()).contains("not Avro single-object encoded");
        assertThat(undecodable.get("failure").get("exception").asString()).contains("DeserializationException");
        assertThat(undecodable.get("original").get("topic").asString()).isEqualTo(TOPIC);
        assertThat(undecodable.get("original").get("offset").asLong()).isZero();
        JsonNode rejected = get("/" + DLT + "/0/1");
        assertThat(rejected.get("eventType").asString()).isEqualTo(PriceUpdated.class.getName());
        assertThat(rejected.get("event").get("eventId").asString()).isEqualTo(REJECTED_EVENT_ID);
        assertThat(rejected.get("event").get("priceUsd").asString()).isEqualTo("0.000024500000");
        assertThat(rejected.get("event").get("source").asString()).isEqualTo("KRAKEN");
        assertThat(rejected.get("failure").get("message").asString()).contains("priceUsd of BONK is out of band");
        assertThat(rejected.get("original").get("offset").asLong()).isEqualTo(1);
        assertThat(rejected.get("original").get("consumerGroup").asString()).isEqualTo("dead-letter-tools-it");
        assertThat(rejected.get("replayed").asBoolean()).isFalse();

        // The fix is deployed; the rejected event is replayed twice and arrives once.
        board.rejecting = false;
        JsonNode first = post("/" + DLT + "/0/1/replay");
        JsonNode second = post("/" + DLT + "/0/1/replay");
        assertThat(first.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(first.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(first.get("offset").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(second.get("status").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(second.get("offset").isNull()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> !board.applied.isEmpty());
        assertThat(board.applied).singleElement().satisfies(record -> {
            assertThat(record.value().getEventId()).isEqualTo(REJECTED_EVENT_ID);
            assertThat(record.key()).isEqualTo("BONK");
            assertThat(header(record.headers().lastHeader(DeadLetter.REPLAYED_FROM_HEADER))).isEqualTo(DLT + "/0/1");
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNull();
        });
        assertThat(replayedCopiesOnTheTopic()).containsExactly(DLT + "/0/1");
        assertThat(get("/" + DLT + "/0/1").get("replayed").asBoolean()).isTrue();

        // Replaying the whole topic sends only what was not replayed yet: the undecodable record, which fails again
        // and comes back to the .DLT at a new offset. Asked again, that new dead letter is the only one sent.
        JsonNode all = post("/" + DLT + "/replay");
        assertThat(all.get("replayed").asLong()).isEqualTo(1);
        assertThat(all.get("alreadyReplayed").asLong()).isEqualTo(1);
        assertThat(all.get("remaining").asLong()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/" + DLT).get("records").asLong() == 3);
        assertThat(get("/" + DLT + "/0/2").get("payloadBase64").asString())
                .isEqualTo(Base64.getEncoder().encodeToString(NOT_AVRO));
        assertThat(replayedCopiesOnTheTopic()).containsExactlyInAnyOrder(DLT + "/0/1", DLT + "/0/0");
        assertThat(board.applied).hasSize(1);
    }

    @Test
    void shouldAnswerProblemsForWhatThisServiceDoesNotHaveOrAnUnboundedPage() throws Exception {
        assertProblem(send("GET", "/" + Topics.ROUTES_DECIDED.deadLetterTopic()), 404, "not a dead-letter topic");
        assertProblem(send("GET", "/" + DLT + "/7"), 404, "no partition 7");
        assertProblem(send("GET", "/" + DLT + "/0?limit=1000"), 400, "between 1 and 100");
        assertProblem(send("GET", "/" + DLT + "/zero"), 400, "must be a number");
        assertProblem(send("POST", "/" + DLT + "/0/99999/replay"), 404, "No record at offset 99999");
    }

    private static PriceUpdated bonk() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        return PriceUpdated.newBuilder().setEventId(REJECTED_EVENT_ID).setOccurredAt(at).setSymbol("BONK")
                .setMint("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263")
                .setPriceUsd(EventDecimals.price(new BigDecimal("0.0000245"))).setSource(PriceSource.KRAKEN)
                .setObservedAt(at).setStale(false).build();
    }

    /** The dead letters named by the replay header of the records on the prices topic, read committed. */
    private List<String> replayedCopiesOnTheTopic() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<String> replayed = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header from = record.headers().lastHeader(DeadLetter.REPLAYED_FROM_HEADER);
                    if (from != null) {
                        replayed.add(header(from));
                    }
                });
                return consumer.position(partition) >= end;
            });
            return replayed;
        }
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path) throws Exception {
        HttpResponse<String> response = send("POST", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + DeadLetterPaths.ROOT + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(detail);
    }
}
