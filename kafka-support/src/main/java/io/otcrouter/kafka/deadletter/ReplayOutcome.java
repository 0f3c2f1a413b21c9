package io.otcrouter.kafka.deadletter;

/**
 * What a replay of one dead letter did.
 *
 * @param status    {@code REPLAYED}, or {@code ALREADY_REPLAYED} when an earlier replay sent it and nothing was sent
 * @param topic     where it went (or had gone): the topic it failed on
 * @param offset    its offset there, when this replay sent it
 */
public record ReplayOutcome(String deadLetter, Status status, String topic, int partition, Long offset) {

    public enum Status { REPLAYED, ALREADY_REPLAYED }
}
