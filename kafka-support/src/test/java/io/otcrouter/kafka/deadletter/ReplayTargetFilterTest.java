package io.otcrouter.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaUtils;

class ReplayTargetFilterTest {

    private final ReplayTargetFilter filter = new ReplayTargetFilter();

    @AfterEach
    void leaveTheThreadAsFound() {
        KafkaUtils.clearConsumerGroupId();
    }

    @Test
    void shouldDropAReplayForAnotherGroupAndKeepEverythingElse() {
        KafkaUtils.setConsumerGroupId("ledger-service");
        ConsumerRecord<Object, Object> forLedger = replayFor("ledger-service");
        ConsumerRecord<Object, Object> forDashboard = replayFor("dashboard-service");
        ConsumerRecord<Object, Object> ordinary = new ConsumerRecord<>("otc.routes.decided.v1", 0, 7, "t-1", "v");

        assertThat(filter.filter(forLedger)).isFalse();
        assertThat(filter.filter(forDashboard)).isTrue();
        assertThat(filter.filter(ordinary)).isFalse();
        assertThat(filter.filterBatch(new ArrayList<>(List.of(ordinary, forDashboard, forLedger))))
                .containsExactly(ordinary, forLedger);
    }

    @Test
    void shouldLetAReplayThroughOnAThreadThatIsNoListenersAndSoHasNoGroup() {
        assertThat(filter.filter(replayFor("dashboard-service"))).isFalse();
    }

    private static ConsumerRecord<Object, Object> replayFor(String group) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("otc.routes.decided.v1", 0, 9, "t-1", "v");
        record.headers().add(DeadLetter.REPLAYED_FOR_GROUP_HEADER, group.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
