package io.otcrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys a service accepts, each with an id (what logs, metrics and trades name it by) and its scopes. Only
 * SHA-256 digests of the keys are held, configured as {@code id:scope+scope:sha256-hex} entries; listing an old and
 * a new entry side by side rotates a key without downtime. A presented key is compared with every digest in
 * constant time, so neither which key matched nor how much of it did leaks through timing. API keys are long random
 * strings, so a plain digest (not a slow password hash) is what protects them at rest.
 */
public final class ApiKeyRing {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<Entry> entries;

    private ApiKeyRing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads {@code id:scope+scope:sha256-hex} entries. Fails at start-up on a malformed entry or a scope the
     * service does not know (an empty {@code knownScopes} accepts any), naming the entry by position only: an
     * entry is never echoed, so a key pasted by mistake in place of its digest does not end up in a log.
     */
    public static ApiKeyRing parse(List<String> configured, Set<String> knownScopes) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            String text = configured.get(i).trim();
            if (text.isEmpty()) {
                continue;
            }
            String where = "API key entry " + (i + 1) + " (expected id:scope+scope:sha256-hex)";
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + ": needs exactly three ':'-separated parts");
            }
            if (!ID.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + ": the id must be 1-64 of A-Z a-z 0-9 . _ -");
            }
            Set<String> scopes = new LinkedHashSet<>(List.of(parts[1].split("\\+", -1)));
            for (String scope : scopes) {
                if (!SCOPE.matcher(scope).matches()) {
                    // Not echoed: a key pasted in the wrong place would land in the start-up log.
                    throw new IllegalArgumentException(where + ": a scope is not a lower-case word; known: " + knownScopes);
                }
                if (!knownScopes.isEmpty() && !knownScopes.contains(scope)) {
                    throw new IllegalArgumentException(where + ": unknown scope '" + scope + "'; known: " + knownScopes);
                }
            }
            if (!DIGEST.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException(where + ": the third part must be the key's SHA-256 digest in hex"
                        + " (64 characters), not the key itself");
            }
            entries.add(new Entry(parts[0], Set.copyOf(scopes), HexFormat.of().parseHex(parts[2])));
        }
        return new ApiKeyRing(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The entry whose key this is, if any. Every entry is compared, whatever the outcome. */
    public Optional<Entry> find(String presentedKey) {
        byte[] digest = sha256(presentedKey);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest, digest) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The digest to configure for a key: what {@code printf %s "$KEY" | sha256sum} prints. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** One accepted key: its id, its scopes and the digest of the key. */
    public record Entry(String id, Set<String> scopes, byte[] digest) {
        @Override
        public String toString() {
            return "ApiKey[" + id + " " + scopes + "]";
        }
    }
}
