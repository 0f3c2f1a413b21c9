package io.otcrouter.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret kept in one file of the data directory: generated once (192 random bits), readable by its owner only
 * from the moment the file exists (created with those permissions, not restricted afterwards), and read back on
 * every later start so scripts keep working across restarts.
 */
final class SecretFile {

    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** The secret in {@code dataDir/name}, created with {@code prefix} + random text when missing or empty. */
    static String loadOrCreate(Path dataDir, String name, String prefix) throws IOException {
        Path file = dataDir.resolve(name);
        if (Files.isRegularFile(file)) {
            String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!secret.isEmpty()) {
                return secret;
            }
            Files.delete(file);
        }
        Files.createDirectories(dataDir);
        String secret = generate(prefix);
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException raced) {
            return loadOrCreate(dataDir, name, prefix);
        }
        Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
    }

    /** A fresh secret that lives only in memory, for credentials between the stack's own processes. */
    static String generate(String prefix) {
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static FileAttribute<?>[] ownerOnly() {
        try {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
            Path probe = Path.of(".");
            if (probe.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
            }
        } catch (UnsupportedOperationException notPosix) {
            // fall through
        }
        // Windows: the file is readable by its owner's account through the default ACLs of the data directory.
        return new FileAttribute<?>[0];
    }
}
