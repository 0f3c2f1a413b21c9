package io.otcrouter.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** What a dead letter sends back when it is replayed, whatever its headers claim. */
class DeadLetterTest {

    @Test
    void shouldReplayToTheTopicItsDeadLetterTopicBelongsToEvenIfAHeaderNamesAnother() {
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>("otc.routes.decided.v1.DLT", 2, 7,
                "trade-1".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        failed.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "otc.pools.changed.v1".getBytes(StandardCharsets.UTF_8));
        failed.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(1).array());
        failed.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "ledger-service".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> replay = new DeadLetter(failed).replay();

        assertThat(replay.topic()).isEqualTo("otc.routes.decided.v1");
        assertThat(replay.partition()).isEqualTo(1);
        assertThat(replay.value()).containsExactly(1, 2, 3);
        assertThat(new String(replay.headers().lastHeader(DeadLetter.REPLAYED_FROM_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("otc.routes.decided.v1.DLT/2/7");
        assertThat(replay.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isNull();
    }
}
