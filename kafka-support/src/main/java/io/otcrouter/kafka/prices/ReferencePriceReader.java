package io.otcrouter.kafka.prices;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

import io.otcrouter.events.PriceUpdated;

/**
 * Fills {@link ReferencePrices} by reading the whole compacted prices topic, from its beginning, at every start of
 * every instance. The reading rule: all partitions are assigned by hand (no consumer group membership, so two
 * instances sharing the service's {@code group.id} do not split the tokens between them) and no offset is ever
 * committed (the cache lives in memory, so a previous run's position means nothing). Cheap: once compacted the
 * topic holds one record per token.
 *
 * <p>Readiness: the reader is {@linkplain #isCaughtUp() caught up} once its position reached, on every partition,
 * the end offsets it saw when it started — from then on every token published before the start has its latest
 * price in the cache. It keeps reading after that, so later prices arrive as they are published.
 *
 * <p>A record that cannot be read (no {@link PriceUpdated}: a poison value that the error-handling deserializer
 * turned into null, or a deserialization failure) is logged and skipped, not dead-lettered as a listener's would be:
 * every instance reads the whole topic at every start, so each would dead-letter the same record again and again,
 * and the token's next price supersedes it anyway. A broker that is away is waited for, polling again.
 */
public class ReferencePriceReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferencePriceReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ConsumerFactory<?, ?> consumers;
    private final String topic;
    private final ReferencePrices prices;
    private final List<ReferencePriceListener> listeners;
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Consumer<?, ?> consumer;
    private Thread thread;

    public ReferencePriceReader(ConsumerFactory<?, ?> consumers, String topic, ReferencePrices prices,
            List<ReferencePriceListener> listeners) {
        this.consumers = consumers;
        this.topic = topic;
        this.prices = prices;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether every price published before the start is in the cache (see the class comment). */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until {@link #isCaughtUp()}, at most {@code timeout}; returns whether it is. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "reference-prices");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<?, ?> reader = consumers.createConsumer(null, "reference-prices", null, overrides)) {
            consumer = reader;
            Map<TopicPartition, Long> endAtStart = assignFromTheBeginning(reader);
            while (running) {
                readOnce(reader);
                if (!isCaughtUp() && reachedEnd(reader, endAtStart)) {
                    caughtUp.countDown();
                    log.info("Reference prices caught up with {}: {} tokens", topic, prices.size());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("Reference price reader woken up while running; prices are no longer updated", e);
            }
        } catch (RuntimeException e) {
            log.error("Reference price reader stopped; prices are no longer updated", e);
        } finally {
            consumer = null;
        }
    }

    private Map<TopicPartition, Long> assignFromTheBeginning(Consumer<?, ?> reader) {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                List<PartitionInfo> infos = reader.partitionsFor(topic);
                partitions = infos == null ? List.of()
                        : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                log.warn("Cannot list the partitions of {} yet ({}); retrying", topic, e.toString());
            }
            if (partitions.isEmpty()) {
                pause();
            }
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        return reader.endOffsets(partitions);
    }

    private void readOnce(Consumer<?, ?> reader) {
        try {
            for (ConsumerRecord<?, ?> record : reader.poll(POLL)) {
                apply(record);
            }
        } catch (RecordDeserializationException e) {
            log.warn("Skipping unreadable price record {}-{}@{}", topic, e.topicPartition().partition(),
                    e.offset(), e);
            reader.seek(e.topicPartition(), e.offset() + 1);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Reading {} failed ({}); retrying", topic, e.toString());
            pause();
        }
    }

    private void apply(ConsumerRecord<?, ?> record) {
        if (!(record.value() instanceof PriceUpdated event)) {
            log.warn("Skipping price record {}-{}@{}: no PriceUpdated in it", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (prices.update(event)) {
            for (ReferencePriceListener listener : listeners) {
                try {
                    listener.priceUpdated(event);
                } catch (RuntimeException e) {
                    log.error("A listener failed on price {}; the cache has it", event.getSymbol(), e);
                }
            }
        } else {
            log.debug("Price {} observed {} is older than the one known, ignored", event.getSymbol(),
                    event.getObservedAt());
        }
    }

    private static boolean reachedEnd(Consumer<?, ?> reader, Map<TopicPartition, Long> endAtStart) {
        return endAtStart.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
