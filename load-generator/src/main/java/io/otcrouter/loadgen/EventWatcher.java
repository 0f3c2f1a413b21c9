package io.otcrouter.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;

/**
 * Reads RouteDecided and TradeSettled with a plain KafkaConsumer (no group: it assigns every partition itself and
 * starts at the run's start time), keeping the events whose clientOrderId belongs to this run, with the
 * {@link System#nanoTime()} at which each was seen.
 */
final class EventWatcher implements AutoCloseable {

    /**
     * What was seen of one trade's settlement. The ledger publishes revision 1 once per trade and, when a leg is booked
     * after the trade settled (a late fill), a correction as the next revision: {@link #status} is the latest
     * revision's, which the run's final counts use, and {@link #corrections} counts revisions beyond the first, which
     * are not duplicates. {@code copies} counts the first record of the trade plus every record of a revision already
     * seen; {@code different} those whose content differs from that revision's first record (a trade settled twice
     * under one revision). A record equal to its revision's first in every field, event id included, is the same
     * event published again: an outbox relay that lost the broker's acknowledgement sends it again, which
     * at-least-once delivery allows and consumers drop by event id. Written by the watcher's thread only.
     */
    static final class Settlement {

        private final long seenNanos;
        private final Map<Integer, String> contentByRevision = new ConcurrentHashMap<>();
        private final AtomicLong copies = new AtomicLong(1);
        private final AtomicLong different = new AtomicLong();
        private volatile int latestRevision;
        private volatile String status;

        Settlement(long seenNanos, TradeSettled first) {
            this.seenNanos = seenNanos;
            this.latestRevision = first.getRevision();
            this.status = first.getStatus().name();
            contentByRevision.put(first.getRevision(), first.toString());
        }

        void seenAgain(TradeSettled settlement) {
            String content = settlement.toString();
            String firstOfRevision = contentByRevision.putIfAbsent(settlement.getRevision(), content);
            if (firstOfRevision != null) {
                copies.incrementAndGet();
                if (!firstOfRevision.equals(content)) {
                    different.incrementAndGet();
                }
            } else if (settlement.getRevision() > latestRevision) {
                latestRevision = settlement.getRevision();
                status = settlement.getStatus().name();
            }
        }

        /** When the trade's first settlement record was seen ({@link System#nanoTime()}). */
        long seenNanos() {
            return seenNanos;
        }

        /** The status of the latest revision seen. */
        String status() {
            return status;
        }

        int revision() {
            return latestRevision;
        }

        /** Revisions seen beyond the first: corrections of the settlement, not duplicates. */
        long corrections() {
            return contentByRevision.size() - 1L;
        }

        AtomicLong copies() {
            return copies;
        }

        AtomicLong different() {
            return different;
        }
    }

    private final String bootstrap;
    private final String orderPrefix;
    private final long fromEpochMillis;
    private final Map<String, Long> decided = new ConcurrentHashMap<>();
    private final Map<String, Settlement> settled = new ConcurrentHashMap<>();
    private final AtomicLong undecodable = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private Thread thread;

    private EventWatcher(String bootstrap, String orderPrefix, long fromEpochMillis) {
        this.bootstrap = bootstrap;
        this.orderPrefix = orderPrefix;
        this.fromEpochMillis = fromEpochMillis;
    }

    /** Starts watching and returns once every partition of both topics is assigned and positioned. */
    static EventWatcher start(String bootstrap, String orderPrefix, long fromEpochMillis, Duration timeout)
            throws Exception {
        EventWatcher watcher = new EventWatcher(bootstrap, orderPrefix, fromEpochMillis);
        watcher.thread = new Thread(watcher::run, "event-watcher");
        watcher.thread.setDaemon(true);
        watcher.thread.start();
        if (!watcher.assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            watcher.close();
            throw new IllegalStateException("Kafka at " + bootstrap + ": topics not readable within " + timeout);
        }
        if (watcher.failure.get() != null) {
            throw watcher.failure.get();
        }
        return watcher;
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-generator-watcher");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, SpecificRecord> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new LenientDeserializer())) {
            assign(consumer);
            assigned.countDown();
            while (running) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    SpecificRecord value = record.value();
                    if (value == null) {
                        undecodable.incrementAndGet();
                    } else if (value instanceof RouteDecided decision) {
                        if (ours(decision.getClientOrderId())) {
                            decided.putIfAbsent(decision.getTradeId(), now);
                        }
                    } else if (value instanceof TradeSettled settlement && ours(settlement.getClientOrderId())) {
                        Settlement first = settled.putIfAbsent(settlement.getTradeId(),
                                new Settlement(now, settlement));
                        if (first != null) {
                            first.seenAgain(settlement);
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                failure.set(e);
                System.err.println("event watcher stopped: " + e);
            }
        } finally {
            assigned.countDown();
        }
    }

    private void assign(KafkaConsumer<String, SpecificRecord> consumer) throws InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ROUTES_DECIDED.name(), Topics.TRADES_SETTLED.name())) {
            List<PartitionInfo> infos = List.of();
            for (int attempt = 0; attempt < 60 && infos.isEmpty(); attempt++) {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            if (infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        PartitionsFromTime.assignFrom(consumer, partitions, fromEpochMillis);
        partitions.forEach(consumer::position);
    }

    private boolean ours(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(orderPrefix);
    }

    /** When the RouteDecided of each trade of this run was seen, by tradeId. */
    Map<String, Long> decided() {
        return decided;
    }

    /** The settlement of each trade of this run as last corrected, by tradeId. */
    Map<String, Settlement> settled() {
        return settled;
    }

    /** Corrections seen (settlement revisions beyond the first), over every trade of this run. */
    long corrections() {
        return settled.values().stream().mapToLong(Settlement::corrections).sum();
    }

    long settledCount(Set<String> tradeIds) {
        return tradeIds.stream().filter(settled::containsKey).count();
    }

    long undecodable() {
        return undecodable.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** A record that is not an event of the contract is counted, not fatal. */
    private static final class LenientDeserializer implements Deserializer<SpecificRecord> {
        private final AvroEventDeserializer delegate = new AvroEventDeserializer();

        @Override
        public SpecificRecord deserialize(String topic, byte[] data) {
            try {
                return delegate.deserialize(topic, data);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
