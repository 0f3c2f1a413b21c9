package io.otcrouter.router;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.events.LegExecutedMother;
import io.otcrouter.testsupport.events.TradeSettledMother;

/**
 * Stands in for the venues' execution and the ledger on a real broker: after {@code delay}, fills every leg of
 * each decision at its expected output (LegExecuted) and settles the trade FILLED (TradeSettled). Silent while
 * {@code settling} is off.
 */
final class FakeLedger implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final KafkaMessageListenerContainer<String, Object> container;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean settling = true;
    private volatile Duration delay = Duration.ZERO;

    FakeLedger(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroEventSerializer());
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "fake-ledger-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var factory = new DefaultKafkaConsumerFactory<String, Object>(props, new StringDeserializer(),
                new FakeVenues.AvroEventDeserializerAdapter());
        ContainerProperties containerProps = new ContainerProperties(Topics.ROUTES_DECIDED.name());
        containerProps.setMessageListener((MessageListener<String, Object>) r -> {
            if (settling) {
                RouteDecided decision = (RouteDecided) r.value();
                scheduler.schedule(() -> settle(decision), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        container = new KafkaMessageListenerContainer<>(factory, containerProps);
        container.start();
    }

    void settling(boolean on) {
        this.settling = on;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    boolean assigned() {
        return container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty();
    }

    private void settle(RouteDecided decision) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BigInteger out = BigInteger.ZERO;
        for (RouteLeg leg : decision.getLegs()) {
            out = out.add(EventDecimals.toAtomic(leg.getExpectedOutAmount()));
            producer.send(new ProducerRecord<>(leg.getVenue() == Venue.OTC ? Topics.POOLS_EXECUTED.name()
                    : Topics.JUPITER_EXECUTED.name(), decision.getTradeId(), LegExecutedMother.filled(
                            decision.getTradeId(), leg, EventDecimals.toAtomic(leg.getExpectedOutAmount()), now)
                            .build()));
        }
        producer.send(new ProducerRecord<>(Topics.TRADES_SETTLED.name(), decision.getTradeId(),
                TradeSettledMother.filled(decision, out, now).build()));
        producer.flush();
    }

    @Override
    public void close() {
        container.stop();
        scheduler.shutdownNow();
        producer.close();
    }
}
