package io.otcrouter.kafka.deadletter;

/**
 * What replaying a whole dead-letter topic did.
 *
 * @param replayed        dead letters sent back to their topic now
 * @param alreadyReplayed dead letters skipped because an earlier replay sent them
 * @param remaining       dead letters not looked at because of the request's bound; ask again to go on
 */
public record ReplaySummary(String topic, long replayed, long alreadyReplayed, long remaining) {
}
