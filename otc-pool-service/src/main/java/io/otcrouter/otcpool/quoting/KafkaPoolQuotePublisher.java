package io.otcrouter.otcpool.quoting;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.catalog.Topics;

/**
 * Publishes quotes straight to Kafka, without the outbox, after the reservation committed: a quote lost in a crash
 * leaves only a reservation that expires and is released, no fact anyone else relies on. Keyed by pair, like the
 * request it answers.
 */
@Component
class KafkaPoolQuotePublisher implements PoolQuotePublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;

    KafkaPoolQuotePublisher(KafkaTemplate<String, Object> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    @Override
    public void publish(PoolQuoted quote) {
        kafkaTemplate.send(Topics.POOLS_QUOTED.name(), quote.getPair(), quote);
    }
}
