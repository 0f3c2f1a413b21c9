package io.otcrouter.router.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The API keys allowed to write. A presented key is compared with every allowed key in constant time, over
 * SHA-256 digests so that neither the content nor the length of a key leaks through timing.
 */
final class ApiKeys {

    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    boolean enabled() {
        return !digests.isEmpty();
    }

    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] allowed : digests) {
            // No early exit: every key is compared whatever the outcome.
            match |= MessageDigest.isEqual(allowed, digest);
        }
        return match;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
