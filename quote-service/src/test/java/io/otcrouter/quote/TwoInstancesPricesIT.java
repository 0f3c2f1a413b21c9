package io.otcrouter.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.BIG_DECIMAL;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.ReferencePriceReader;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.testsupport.events.PriceUpdatedMother;

/**
 * Two quote-service instances in their one consumer group, with the prices topic in three partitions: each knows
 * every token's reference price, those published before it started (once caught up) and those published after.
 * Read in the service's group, as it once was, each saw only its own partitions' tokens and priced the rest of its
 * simulated pools from the static prices without a word.
 */
@SpringJUnitConfig
@EmbeddedKafka(partitions = 3, topics = {"otc.prices.updated.v1", "otc.quotes.requested.v1",
        "otc.routes.decided.v1"})
class TwoInstancesPricesIT {

    private static final List<Token> TOKENS = TokenCatalog.defaults().all();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private EmbeddedKafkaBroker broker;

    private final List<ConfigurableApplicationContext> instances = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void shouldGiveEachInstanceEveryTokensPrice() throws Exception {
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int i = 0; i < TOKENS.size(); i++) {
                send(producer, TOKENS.get(i), String.valueOf(100 + i), T0);
            }
        }

        ConfigurableApplicationContext first = start("a");
        ConfigurableApplicationContext second = start("b");

        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(instance.getBean(ReferencePriceReader.class).awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            ReferencePrices prices = instance.getBean(ReferencePrices.class);
            for (int i = 0; i < TOKENS.size(); i++) {
                assertThat(prices.usdPrice(TOKENS.get(i).mint())).as(TOKENS.get(i).symbol()).get(BIG_DECIMAL)
                        .isEqualByComparingTo(String.valueOf(100 + i));
            }
        }

        Token last = TOKENS.get(TOKENS.size() - 1);
        try (KafkaProducer<String, Object> producer = producer()) {
            send(producer, last, "7", T0.plusSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                assertThat(instance.getBean(ReferencePrices.class).usdPrice(last.mint())).get(BIG_DECIMAL)
                        .isEqualByComparingTo("7");
            }
        });
    }

    private ConfigurableApplicationContext start(String instance) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QuoteServiceApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--otc.jupiter.mode=simulated",
                "--otc.jupiter.base-url=http://localhost:9/unused",
                "--otc.kafka.partitions=3",
                "--otc.execution.transaction-id-prefix=quote-it-" + instance + "-");
        instances.add(context);
        return context;
    }

    private KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class));
    }

    private static void send(KafkaProducer<String, Object> producer, Token token, String usd, Instant observedAt)
            throws Exception {
        PriceUpdated price = PriceUpdatedMother.priceUpdated(token, new BigDecimal(usd), observedAt)
                .setEventId(token.symbol() + "-" + usd).build();
        producer.send(new ProducerRecord<>(Topics.PRICES_UPDATED.name(), token.symbol(), price)).get();
    }
}
