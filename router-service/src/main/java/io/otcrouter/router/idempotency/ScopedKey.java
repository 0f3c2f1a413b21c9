package io.otcrouter.router.idempotency;

/**
 * An {@code Idempotency-Key} as the API key that sent it owns it: two clients that happen to choose the same
 * key make two different requests, and neither can read the other's stored answer.
 *
 * @param apiKeyId the id of the API key the request was authenticated with
 * @param key      the {@code Idempotency-Key} header
 */
record ScopedKey(String apiKeyId, String key) {
}
