package io.otcrouter.kafka.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.BIG_DECIMAL;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;

/**
 * Two instances of one service (two readers with the service's own consumer group id, as quote-service had it)
 * each know every token's price: the topic is not split between them as a consumer group would split it. Each is
 * caught up only once everything published before its start is in its cache, skips a record it cannot read, keeps
 * following the topic afterwards, and commits nothing to the group.
 */
@SpringJUnitConfig
@EmbeddedKafka(partitions = 3, topics = "otc.prices.updated.v1")
class ReferencePriceReaderIT {

    private static final String TOPIC = Topics.PRICES_UPDATED.name();
    private static final String GROUP = "quote-service";
    private static final List<String> SYMBOLS = List.of("SOL", "USDC", "USDT", "JUP", "BONK", "WIF", "RAY", "ETH");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private EmbeddedKafkaBroker broker;

    private final List<ReferencePriceReader> readers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopReaders() {
        readers.forEach(ReferencePriceReader::stop);
    }

    @Test
    void shouldGiveEachOfTwoInstancesEveryTokensLatestPrice() throws Exception {
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int i = 0; i < SYMBOLS.size(); i++) {
                send(producer, price(SYMBOLS.get(i), String.valueOf(i + 1), T0));
            }
            send(producer, price("SOL", "151", T0.plusSeconds(60)));
            send(producer, price("SOL", "149", T0.plusSeconds(30)));
            producer.send(new ProducerRecord<>(TOPIC, "RAY", new byte[] {1, 2, 3})).get();
        }
        ReferencePrices first = new ReferencePrices();
        ReferencePrices second = new ReferencePrices();
        List<String> projected = new CopyOnWriteArrayList<>();

        ReferencePriceReader firstReader = start(first, List.of(event -> projected.add(event.getSymbol())));
        ReferencePriceReader secondReader = start(second, List.of());

        assertThat(firstReader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(secondReader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        for (ReferencePrices prices : List.of(first, second)) {
            assertThat(prices.size()).isEqualTo(SYMBOLS.size());
            SYMBOLS.forEach(symbol -> assertThat(prices.price(mint(symbol))).as(symbol).isPresent());
            assertThat(prices.usdPrice(mint("SOL"))).get(BIG_DECIMAL).isEqualByComparingTo("151");
            assertThat(prices.usdPrice(mint("RAY"))).as("the unreadable record skipped").get(BIG_DECIMAL)
                    .isEqualByComparingTo("7");
        }
        // Every token once, SOL twice (its newer observation; the late older one is not passed on).
        assertThat(projected).containsAll(SYMBOLS).hasSize(SYMBOLS.size() + 1);

        try (KafkaProducer<String, Object> producer = producer()) {
            send(producer, price("ETH", "3000", T0.plusSeconds(120)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(first.usdPrice(mint("ETH"))).get(BIG_DECIMAL).isEqualByComparingTo("3000");
            assertThat(second.usdPrice(mint("ETH"))).get(BIG_DECIMAL).isEqualByComparingTo("3000");
        });
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get())
                    .as("no offsets committed").isEmpty();
        }
    }

    @Test
    void shouldFollowTheTopicOnceCaughtUp() throws Exception {
        // The topic is shared with the other test: a price of a token that only this test publishes.
        ReferencePrices prices = new ReferencePrices();
        ReferencePriceReader reader = start(prices, List.of());

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        try (KafkaProducer<String, Object> producer = producer()) {
            send(producer, price("PYTH", "0.4", T0));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(prices.usdPrice(mint("PYTH"))).get(BIG_DECIMAL)
                        .isEqualByComparingTo("0.4"));
    }

    private ReferencePriceReader start(ReferencePrices prices, List<ReferencePriceListener> listeners) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                "io.otcrouter.events.serde.AvroEventDeserializer");
        ReferencePriceReader reader = new ReferencePriceReader(new DefaultKafkaConsumerFactory<>(config), TOPIC,
                prices, listeners);
        readers.add(reader);
        reader.start();
        return reader;
    }

    private KafkaProducer<String, Object> producer() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RawOrAvro.class);
        return new KafkaProducer<>(config);
    }

    private static void send(KafkaProducer<String, Object> producer, PriceUpdated price) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, price.getSymbol(), price)).get();
    }

    private static PriceUpdated price(String symbol, String usd, Instant observedAt) {
        return PriceUpdated.newBuilder().setEventId(symbol + "-" + usd).setOccurredAt(observedAt).setSymbol(symbol)
                .setMint(mint(symbol)).setPriceUsd(EventDecimals.price(new BigDecimal(usd))).setChange24hPct(null)
                .setSource(PriceSource.COINGECKO).setObservedAt(observedAt).setStale(false).build();
    }

    private static String mint(String symbol) {
        return "mint-" + symbol;
    }

    /** Writes events as the services do (Avro) and raw bytes as they are, for the unreadable record. */
    public static class RawOrAvro implements Serializer<Object> {
        private final AvroEventSerializer avro = new AvroEventSerializer();
        private final ByteArraySerializer raw = new ByteArraySerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            return data instanceof byte[] bytes ? raw.serialize(topic, bytes) : avro.serialize(topic, data);
        }
    }
}
