package io.otcrouter.router.quoting;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.InvalidEventException;

/**
 * Reads venue replies. Each router instance joins a consumer group of its own and starts at the latest offset,
 * so every instance sees every reply and keeps those to its own pending requests: replies reach the instance
 * that asked however many routers run. Reports ready (health {@code quoteReplies}) only once it is assigned the
 * reply topics, so no reply to an early request is missed.
 */
@Component("quoteReplies")
@KafkaListener(id = "quote-replies", groupId = "router-replies-#{T(java.util.UUID).randomUUID()}",
        topics = {Topics.Names.JUPITER_QUOTED, Topics.Names.POOLS_QUOTED},
        properties = "auto.offset.reset=latest")
class QuoteReplyListener implements ConsumerSeekAware, HealthIndicator {

    private final QuoteCollector collector;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

    QuoteReplyListener(QuoteCollector collector) {
        this.collector = collector;
    }

    @KafkaHandler
    void on(JupiterQuoted quote) {
        collector.onReply(quote);
    }

    @KafkaHandler
    void on(PoolQuoted quote) {
        collector.onReply(quote);
    }

    /** A record of any other type on these topics breaks the contract: to the dead-letter topic at once. */
    @KafkaHandler(isDefault = true)
    void unexpected(Object event) {
        throw new InvalidEventException("Unexpected " + event.getClass().getSimpleName() + " among the "
                + "venue replies");
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assigned.addAll(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    @Override
    public Health health() {
        boolean jupiter = assigned.stream().anyMatch(tp -> tp.topic().equals(Topics.JUPITER_QUOTED.name()));
        boolean pools = assigned.stream().anyMatch(tp -> tp.topic().equals(Topics.POOLS_QUOTED.name()));
        Health.Builder health = jupiter && pools ? Health.up() : Health.outOfService();
        return health.withDetail("assignedPartitions", assigned.size()).build();
    }
}
