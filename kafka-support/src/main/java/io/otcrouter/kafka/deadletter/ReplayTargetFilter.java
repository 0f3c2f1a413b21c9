package io.otcrouter.kafka.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Lets a replayed record through only to the consumer group that gave up on it. A {@code .DLT} is shared by every
 * group reading its topic, and a replay goes back to that topic, where every group would see it again: the groups
 * that processed the original record fine would process it twice, and not all of them can tell (quote-service
 * executes a decision's DEX leg again, as the exactly-once of its transactions covers redeliveries, not copies). The
 * replay names the group that failed it ({@link DeadLetter#REPLAYED_FOR_GROUP_HEADER}, from the dead letter's
 * original-consumer-group header, which spring-kafka takes from the same thread-bound group id read here); every other
 * group drops it, offset committed. A record without the header is for everyone.
 *
 * <p>Boot sets it on every listener container factory it configures (record and batch listeners). A record listener's
 * container sends a record that does not decode to the error handler before any filter runs, so a replayed
 * undecodable record comes back to the {@code .DLT} from every group that cannot decode it, not only its target.
 */
public final class ReplayTargetFilter implements RecordFilterStrategy<Object, Object> {

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        Header target = record.headers().lastHeader(DeadLetter.REPLAYED_FOR_GROUP_HEADER);
        String group = KafkaUtils.getConsumerGroupId();
        return target != null && group != null && !group.equals(new String(target.value(), StandardCharsets.UTF_8));
    }

    /** A batch left empty is not handed to the listener at all. */
    @Override
    public boolean ignoreEmptyBatch() {
        return true;
    }
}
