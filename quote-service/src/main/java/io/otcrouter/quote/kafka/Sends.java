package io.otcrouter.quote.kafka;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;

import io.otcrouter.events.catalog.Topic;

/** Sending where every outcome of a send must arrive as its future (answers to quote requests). */
public final class Sends {

    private Sends() {
    }

    /**
     * Sends {@code event} and runs {@code onAcknowledged} once the broker has it. A send the producer fails before
     * it leaves (e.g. no metadata in time) makes {@link KafkaTemplate} throw rather than fail its future; it comes
     * back as a failed future too, so callers that undo work on failure see it.
     */
    public static CompletableFuture<Void> send(KafkaTemplate<String, Object> kafkaTemplate, Topic<?> topic, String key,
            Object event, Runnable onAcknowledged) {
        try {
            return kafkaTemplate.send(topic.name(), key, event).thenAccept(sent -> onAcknowledged.run());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
