package io.otcrouter.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key router-service requires for {@code POST /api/trades} in the local stack. Generated once per data
 * directory and kept in {@code <dataDir>/router-api-key} (owner-only), so scripts keep working across restarts.
 */
final class RouterApiKey {

    private static final int KEY_BYTES = 24;

    private RouterApiKey() {
    }

    static String loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve("router-api-key");
        if (Files.isRegularFile(file)) {
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!key.isEmpty()) {
                return key;
            }
        }
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        String key = "local-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, key + System.lineSeparator(), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays readable by its owner's account only through the default ACLs.
        }
        return key;
    }
}
