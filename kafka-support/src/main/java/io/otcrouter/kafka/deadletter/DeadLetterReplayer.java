package io.otcrouter.kafka.deadletter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters back to the topic and partition they failed on, each at most once. The replayed record and its
 * {@link ReplayMarkers marker} are written in one Kafka transaction under a transactional id every replayer shares:
 * opening it fences any other replay in flight (whose transaction is then aborted), and only then are the markers
 * read. So two replays of the same dead letter — twice from one service, or from two services sharing the
 * {@code .DLT} at the same moment — publish it once; the loser of a race gets a conflict, never a second copy.
 * A replayed record that fails again is dead-lettered again, at a new offset, and can be replayed again.
 */
final class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    /** Dead letters per transaction when replaying a whole topic. */
    private static final int BATCH = 200;

    private final DeadLetterReader reader;
    private final DeadLetterKafka kafka;
    private final String service;

    DeadLetterReplayer(DeadLetterReader reader, DeadLetterKafka kafka, String service) {
        this.reader = reader;
        this.kafka = kafka;
        this.service = service;
    }

    /** One replay at a time in this process; other processes are kept out by the shared transactional id. */
    synchronized ReplayOutcome replay(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer();
                KafkaProducer<byte[], byte[]> producer = kafka.replayProducer()) {
            DeadLetter letter = reader.find(consumer, topic, partition, offset);
            producer.initTransactions();
            if (ReplayMarkers.load(kafka).contains(letter.id())) {
                log.info("{} was replayed already; nothing sent", letter.id());
                return new ReplayOutcome(letter.id(), ReplayOutcome.Status.ALREADY_REPLAYED, letter.replayTopic(),
                        letter.originalPartition(), null);
            }
            RecordMetadata sent = inTransaction(producer, () -> {
                Future<RecordMetadata> replayed = producer.send(letter.replay());
                producer.send(ReplayMarkers.of(letter, service));
                return replayed;
            });
            log.warn("Replayed {} to {}-{}@{}", letter.id(), sent.topic(), sent.partition(), sent.offset());
            return new ReplayOutcome(letter.id(), ReplayOutcome.Status.REPLAYED, sent.topic(), sent.partition(),
                    sent.offset());
        }
    }

    /** Every dead letter of {@code topic} not replayed yet, oldest first per partition, at most {@code max}. */
    synchronized ReplaySummary replayAll(String topic, int max) {
        long replayed = 0;
        long skipped = 0;
        long remaining = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer();
                KafkaProducer<byte[], byte[]> producer = kafka.replayProducer()) {
            // The end of each partition as it is now: records dead-lettered again during the replay wait for the next.
            List<DeadLetterTopicView.PartitionView> ranges = reader.ranges(consumer, topic);
            producer.initTransactions();
            Set<String> done = ReplayMarkers.load(kafka);
            for (DeadLetterTopicView.PartitionView range : ranges) {
                TopicPartition partition = new TopicPartition(topic, range.partition());
                long from = range.beginningOffset();
                while (from < range.endOffset() && replayed + skipped < max) {
                    int batch = (int) Math.min(BATCH, max - replayed - skipped);
                    List<ConsumerRecord<byte[], byte[]>> records =
                            kafka.read(consumer, partition, from, range.endOffset(), batch);
                    if (records.isEmpty()) {
                        break;
                    }
                    List<DeadLetter> fresh = records.stream().map(DeadLetter::new)
                            .filter(letter -> !done.contains(letter.id())).toList();
                    if (!fresh.isEmpty()) {
                        inTransaction(producer, () -> {
                            Future<RecordMetadata> last = null;
                            for (DeadLetter letter : fresh) {
                                last = producer.send(letter.replay());
                                producer.send(ReplayMarkers.of(letter, service));
                            }
                            return last;
                        });
                        fresh.forEach(letter -> done.add(letter.id()));
                    }
                    replayed += fresh.size();
                    skipped += records.size() - fresh.size();
                    from = records.get(records.size() - 1).offset() + 1;
                }
                remaining += Math.max(0, range.endOffset() - from);
            }
        }
        log.warn("Replayed {} dead letter(s) of {} ({} replayed before, about {} left)", replayed, topic, skipped,
                remaining);
        return new ReplaySummary(topic, replayed, skipped, remaining);
    }

    private interface Sends {
        Future<RecordMetadata> send();
    }

    /** Runs {@code sends} in one transaction and commits it; aborted unless every send was written. */
    private RecordMetadata inTransaction(KafkaProducer<byte[], byte[]> producer, Sends sends) {
        producer.beginTransaction();
        try {
            Future<RecordMetadata> last = sends.send();
            producer.commitTransaction();
            return last.get(0, TimeUnit.SECONDS);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new ReplayConflictException("Another replay started meanwhile and this one was abandoned, nothing"
                    + " was sent; look again and retry", e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A committed send has no result", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted after the commit", e);
        }
    }
}
