package io.otcrouter.otcpool.watermark;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.progress.ReadProgress;
import io.otcrouter.otcpool.config.PoolProperties;

/**
 * How far this instance has read the routing-decision topic, per partition it owns (see {@link ReadProgress}): kept
 * by the decision consumer's threads through its {@link #recordInterceptor()}, and written to
 * {@code decision_progress} by the reservation sweep ({@link DecisionWatermark}), so the consumer thread never waits
 * for the database for it. Checked against the broker at most every {@code otc.pools.decision-progress-interval}.
 */
@Component
public class DecisionProgress extends ReadProgress {

    DecisionProgress(PoolProperties properties, Clock clock) {
        super(List.of(Topics.ROUTES_DECIDED.name()), properties.decisionProgressInterval(), clock);
    }

    public String topic() {
        return Topics.ROUTES_DECIDED.name();
    }
}
