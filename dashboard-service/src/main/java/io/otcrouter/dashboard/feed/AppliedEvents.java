package io.otcrouter.dashboard.feed;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * Counts the records the listeners have handed to the read model, {@code otc.dashboard.events.applied} tagged with
 * the source {@code topic} (its Kafka name, so it joins the client's {@code kafka_consumer_*} series): how far a
 * start-up replay has got and whether the projection keeps up. Duplicates the read model ignores are counted too: they
 * were consumed and applied, with no effect. The counters exist from start-up, so a topic nobody writes shows 0
 * rather than no series.
 */
@Component
public class AppliedEvents {

    static final String METRIC = "otc.dashboard.events.applied";
    /** The topics the read model is projected from. */
    static final List<Topic<?>> PROJECTED = List.of(
            Topics.PRICES_UPDATED, Topics.ROUTES_DECIDED, Topics.TRADES_SETTLED, Topics.POOLS_CHANGED);

    private final Map<Topic<?>, Counter> counters;

    AppliedEvents(MeterRegistry registry) {
        counters = PROJECTED.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                topic -> Counter.builder(METRIC)
                        .description("Records applied to the dashboard's read model, by source topic")
                        .tag("topic", topic.name())
                        .register(registry)));
    }

    void applied(Topic<?> topic) {
        Counter counter = counters.get(topic);
        if (counter == null) {
            throw new IllegalArgumentException("not a projected topic: " + topic.name());
        }
        counter.increment();
    }
}
