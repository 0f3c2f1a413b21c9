package io.otcrouter.events.catalog;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a record that cannot be processed goes: the same partition of {@code <topic>.DLT}. spring-kafka 4's
 * dead-letter recoverer defaults to {@code <topic>-dlt}, so every service passes {@link #partitionFor} as its
 * destination resolver to keep the contract's name.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static TopicPartition partitionFor(ConsumerRecord<?, ?> failed) {
        return new TopicPartition(failed.topic() + Topic.DEAD_LETTER_SUFFIX, failed.partition());
    }
}
