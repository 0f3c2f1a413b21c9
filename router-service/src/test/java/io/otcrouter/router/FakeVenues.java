package io.otcrouter.router;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.testsupport.events.JupiterQuotedMother;
import io.otcrouter.testsupport.events.PoolQuotedMother;

/**
 * Stands in for quote-service and otc-pool-service on a real broker: answers every QuoteRequested with a
 * Jupiter quote at {@code dexRate} and one pool quote at {@code poolRate} (output per input atomic unit).
 */
final class FakeVenues implements AutoCloseable {

    final List<QuoteRequested> requests = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, Object> producer;
    private final KafkaMessageListenerContainer<String, Object> container;
    private volatile BigDecimal dexRate;
    private volatile BigDecimal poolRate;
    private volatile boolean dexSilent;

    /** The rates most tests trade at: Jupiter 0.148, the pool 0.149625 (1% better), so the pool wins. */
    static FakeVenues usual(String brokers) {
        return new FakeVenues(brokers, new BigDecimal("0.148"), new BigDecimal("0.149625"));
    }

    FakeVenues(String brokers, BigDecimal dexRate, BigDecimal poolRate) {
        this.dexRate = dexRate;
        this.poolRate = poolRate;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroEventSerializer());
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "fake-venues-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new DefaultKafkaConsumerFactory<String, Object>(props, new StringDeserializer(),
                new AvroEventDeserializerAdapter());
        ContainerProperties containerProps = new ContainerProperties(Topics.QUOTES_REQUESTED.name());
        containerProps.setMessageListener((MessageListener<String, Object>) r -> answer((QuoteRequested) r.value()));
        container = new KafkaMessageListenerContainer<>(factory, containerProps);
        container.start();
    }

    void rates(BigDecimal dex, BigDecimal pool) {
        this.dexRate = dex;
        this.poolRate = pool;
    }

    /** With {@code true}, Jupiter's side (quote-service) sends no reply at all, as when it or its broker is away. */
    void dexSilent(boolean silent) {
        this.dexSilent = silent;
    }

    private void answer(QuoteRequested request) {
        requests.add(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BigInteger in = EventDecimals.toAtomic(request.getAmountIn());
        BigInteger dexOut = out(in, dexRate);
        if (!dexSilent) {
            producer.send(new ProducerRecord<>(Topics.JUPITER_QUOTED.name(), request.getPair(),
                    JupiterQuotedMother.quoted(request, dexOut, now).build()));
        }
        producer.send(new ProducerRecord<>(Topics.POOLS_QUOTED.name(), request.getPair(),
                PoolQuotedMother.quoted(request, "pool-a", out(in, poolRate), now).build()));
        producer.flush();
    }

    private static BigInteger out(BigInteger in, BigDecimal rate) {
        return new BigDecimal(in).multiply(rate).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    @Override
    public void close() {
        container.stop();
        producer.close();
    }

    /** The contract's deserializer typed for a container of Objects. */
    static final class AvroEventDeserializerAdapter implements org.apache.kafka.common.serialization.Deserializer<Object> {
        private final AvroEventDeserializer delegate = new AvroEventDeserializer();

        @Override
        public Object deserialize(String topic, byte[] data) {
            return delegate.deserialize(topic, data);
        }
    }
}
