package io.otcrouter.router.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request in a canonical form: method, path, query parameters sorted, the person a delegating key
 * acts for ({@code X-On-Behalf-Of}: the same trade for another dashboard user is another request), and the JSON body
 * with its fields sorted and its whitespace dropped, so that the same request written differently hashes the same.
 * A body that is not JSON is hashed as sent.
 */
final class CanonicalRequest {

    // Parsed before Spring MVC refuses a hostile body, so bounded as Boot's own mapper is: a body that is too deep or
    // has too long a number is hashed as sent.
    private static final JsonMapper CANONICAL = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64)
                            .build()).build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CanonicalRequest() {
    }

    static String sha256(String method, String path, Map<String, String[]> query, List<String> onBehalfOf,
            byte[] body) {
        MessageDigest digest = newDigest();
        digest.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(query).forEach((name, values) ->
                digest.update((name + "=" + String.join(",", values) + "&").getBytes(StandardCharsets.UTF_8)));
        digest.update((byte) '\n');
        digest.update(String.join(",", onBehalfOf).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(canonicalBody(body));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] canonicalBody(byte[] body) {
        try {
            Object parsed = CANONICAL.readValue(body, Object.class);
            return CANONICAL.writeValueAsBytes(parsed);
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
