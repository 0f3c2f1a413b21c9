package io.otcrouter.dashboard.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

class AppliedEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AppliedEvents appliedEvents = new AppliedEvents(registry);

    @Test
    void shouldShowEveryProjectedTopicAtZeroBeforeAnyRecordArrives() {
        for (Topic<?> topic : AppliedEvents.PROJECTED) {
            assertThat(applied(topic)).as(topic.name()).isZero();
        }
        assertThat(registry.get(AppliedEvents.METRIC).counters()).hasSize(4);
    }

    @Test
    void shouldCountAppliedRecordsByTheirSourceTopic() {
        appliedEvents.applied(Topics.TRADES_SETTLED);
        appliedEvents.applied(Topics.TRADES_SETTLED);
        appliedEvents.applied(Topics.PRICES_UPDATED);

        assertThat(applied(Topics.TRADES_SETTLED)).isEqualTo(2);
        assertThat(applied(Topics.PRICES_UPDATED)).isEqualTo(1);
        assertThat(applied(Topics.ROUTES_DECIDED)).isZero();
    }

    @Test
    void shouldRefuseATopicTheDashboardDoesNotProject() {
        assertThatIllegalArgumentException().isThrownBy(() -> appliedEvents.applied(Topics.POOLS_EXECUTED));
    }

    private double applied(Topic<?> topic) {
        return registry.get(AppliedEvents.METRIC).tag("topic", topic.name()).counter().count();
    }
}
