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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
 * The dead-letter tools over HTTP, on a real broker, with the services' own serde and error rule, and two consumer
 * groups sharing the {@code .DLT}: poison records (one that does not decode, one a listener rejects) are listed,
 * shown decoded, and replayed — each replay publishing its record once however often it is asked for, and only the
 * group that failed a record processing it again.
 */
@SpringBootTest(classes = DeadLetterToolsIT.TestService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.consumer.group-id=" + DeadLetterToolsIT.GROUP,
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
    static final String GROUP = "dead-letter-tools-it";
    private static final String BYSTANDER = "bystander";
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

        @Bean
        Bystander bystander() {
            return new Bystander();
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

    /** Another service's group on the same topic: it shares the .DLT and takes every event it can decode. */
    static class Bystander {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @KafkaListener(groupId = BYSTANDER, topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}")
        void apply(PriceUpdated price) {
            seen.add(price.getEventId());
        }
    }

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaTemplate<String, Object> kafka;
    @Autowired
    private PriceBoard board;
    @Autowired
    private Bystander bystander;
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void shouldListShowAndReplayEachDeadLetterOnceAndOnlyToTheGroupThatFailedIt() throws Exception {
        kafka.send(TOPIC, "JUP", NOT_AVRO).get();
        kafka.send(TOPIC, "BONK", price(REJECTED_EVENT_ID, "BONK")).get();

        // Listed: the .DLT of the one topic this service reads, with the undecodable record once per group and the
        // rejected one from the board's group.
        await().atMost(Duration.ofSeconds(30)).until(() -> get("").get(0).get("records").asLong() == 3);
        JsonNode listed = get("").get(0);
        assertThat(listed.get("topic").asString()).isEqualTo(DLT);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(listed.get("partitions").get(0).get("endOffset").asLong()).isEqualTo(3);

        // Shown: the undecodable ones in base64 with the reason, the rejected one decoded, each with its failure.
        JsonNode page = get("/" + DLT + "/0");
        assertThat(page.get("next").asLong()).isEqualTo(3);
        List<JsonNode> undecodable = records(page, "JUP");
        assertThat(undecodable).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.get("payloadBase64").asString()).isEqualTo(Base64.getEncoder().encodeToString(NOT_AVRO));
            assertThat(letter.get("decodeError").asString()).contains("not Avro single-object encoded");
            assertThat(letter.get("failure").get("exception").asString()).contains("DeserializationException");
            assertThat(letter.get("original").get("topic").asString()).isEqualTo(TOPIC);
            assertThat(letter.get("original").get("offset").asLong()).isZero();
        });
        assertThat(undecodable).map(letter -> letter.get("original").get("consumerGroup").asString())
                .containsExactlyInAnyOrder(GROUP, BYSTANDER);
        long rejectedOffset = records(page, "BONK").get(0).get("offset").asLong();
        JsonNode rejected = get("/" + DLT + "/0/" + rejectedOffset);
        assertThat(rejected.get("eventType").asString()).isEqualTo(PriceUpdated.class.getName());
        assertThat(rejected.get("event").get("eventId").asString()).isEqualTo(REJECTED_EVENT_ID);
        assertThat(rejected.get("event").get("priceUsd").asString()).isEqualTo("0.000024500000");
        assertThat(rejected.get("event").get("source").asString()).isEqualTo("KRAKEN");
        assertThat(rejected.get("failure").get("message").asString()).contains("priceUsd of BONK is out of band");
        assertThat(rejected.get("original").get("offset").asLong()).isEqualTo(1);
        assertThat(rejected.get("original").get("consumerGroup").asString()).isEqualTo(GROUP);
        assertThat(rejected.get("replayed").asBoolean()).isFalse();

        // The fix is deployed; the rejected event is replayed twice and arrives once, at the board only.
        board.rejecting = false;
        String replay = "/" + DLT + "/0/" + rejectedOffset + "/replay";
        JsonNode first = post(replay);
        JsonNode second = post(replay);
        assertThat(first.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(first.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(first.get("offset").asLong()).isEqualTo(2);
        assertThat(second.get("status").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(second.get("offset").isNull()).isTrue();
        String replayedId = DLT + "/0/" + rejectedOffset;

        kafka.send(TOPIC, "SOL", price("e-after-replay", "SOL")).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> bystander.seen.contains("e-after-replay")
                && board.applied.stream().anyMatch(record -> record.value().getEventId().equals("e-after-replay")));
        assertThat(board.applied).first().satisfies(record -> {
            assertThat(record.value().getEventId()).isEqualTo(REJECTED_EVENT_ID);
            assertThat(record.key()).isEqualTo("BONK");
            assertThat(header(record.headers().lastHeader(DeadLetter.REPLAYED_FROM_HEADER))).isEqualTo(replayedId);
            assertThat(header(record.headers().lastHeader(DeadLetter.REPLAYED_FOR_GROUP_HEADER))).isEqualTo(GROUP);
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNull();
        });
        assertThat(board.applied).hasSize(2);
        assertThat(bystander.seen).as("the bystander had the original and drops the replay")
                .containsExactly(REJECTED_EVENT_ID, "e-after-replay");
        assertThat(replayedCopiesOnTheTopic()).containsExactly(replayedId);
        assertThat(get("/" + DLT + "/0/" + rejectedOffset).get("replayed").asBoolean()).isTrue();

        // Replaying the whole topic sends only what was not replayed yet: each group's copy of the undecodable record.
        // A record that does not decode is refused before any filter runs, so each copy comes back from both groups.
        JsonNode all = post("/" + DLT + "/replay");
        assertThat(all.get("replayed").asLong()).isEqualTo(2);
        assertThat(all.get("alreadyReplayed").asLong()).isEqualTo(1);
        assertThat(all.get("remaining").asLong()).isZero();
        kafka.send(TOPIC, "SOL", price("e-after-replay-all", "SOL")).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> bystander.seen.contains("e-after-replay-all")
                && board.applied.stream().anyMatch(record -> record.value().getEventId().equals("e-after-replay-all")));
        JsonNode after = get("/" + DLT + "/0?from=3");
        assertThat(after.get("records")).hasSize(4);
        assertThat(records(after, "JUP")).map(letter -> letter.get("original").get("consumerGroup").asString())
                .containsExactlyInAnyOrder(GROUP, GROUP, BYSTANDER, BYSTANDER);
        assertThat(replayedCopiesOnTheTopic()).hasSize(3).contains(replayedId);
    }

    @Test
    void shouldAnswerProblemsForWhatThisServiceDoesNotHaveOrAnUnboundedPage() throws Exception {
        assertProblem(send("GET", "/" + Topics.ROUTES_DECIDED.deadLetterTopic()), 404, "not a dead-letter topic");
        assertProblem(send("GET", "/" + DLT + "/7"), 404, "no partition 7");
        assertProblem(send("GET", "/" + DLT + "/0?limit=1000"), 400, "between 1 and 100");
        assertProblem(send("GET", "/" + DLT + "/zero"), 400, "must be a number");
        assertProblem(send("POST", "/" + DLT + "/0/99999/replay"), 404, "No record at offset 99999");
    }

    private static PriceUpdated price(String eventId, String symbol) {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        return PriceUpdated.newBuilder().setEventId(eventId).setOccurredAt(at).setSymbol(symbol)
                .setMint("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263")
                .setPriceUsd(EventDecimals.price(new BigDecimal("0.0000245"))).setSource(PriceSource.KRAKEN)
                .setObservedAt(at).setStale(false).build();
    }

    private static List<JsonNode> records(JsonNode page, String key) {
        return page.get("records").valueStream().filter(letter -> letter.get("key").asString().equals(key)).toList();
    }

    /** The dead letters named by the replay header of the records on the prices topic, read committed. */
    private List<String> replayedCopiesOnTheTopic() {
        return ReplayHeaders.onPartitionZero(broker.getBrokersAsString(), TOPIC).stream()
                .filter(java.util.Objects::nonNull).toList();
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
