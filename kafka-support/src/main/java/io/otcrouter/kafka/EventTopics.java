package io.otcrouter.kafka;

import java.util.List;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * What one service does with the event contract: it writes the topics the catalog names it the writer of, and reads
 * {@code consumed}, whose dead-letter topics it owns. Each service declares one of these; kafka-support declares
 * the topics from it.
 *
 * @param service  the module name, as the catalog's writer
 * @param consumed the topics the service's listeners read
 */
public record EventTopics(String service, List<Topic<?>> consumed) {

    public EventTopics {
        consumed = List.copyOf(consumed);
    }

    public static EventTopics of(String service, Topic<?>... consumed) {
        return new EventTopics(service, List.of(consumed));
    }

    public List<Topic<?>> written() {
        return Topics.writtenBy(service);
    }
}
