package io.otcrouter.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --write-env=<file>}: every service's credential variables in one owner-only file, {@code NAME='value'}
 * per line, which {@code docker compose} reads as {@code .env} and a shell can {@code source}. Keys and the admin
 * password come from the data directory ({@link LocalCredentials}), so the file, the stack and scripts agree; the
 * dashboard's own keys are new each time the file is written (both sides of them are in it).
 */
final class CredentialsEnvFile {

    private CredentialsEnvFile() {
    }

    static void write(LocalCredentials credentials, Path file) throws IOException {
        Map<String, String> variables = new TreeMap<>();
        credentials.environment().values().forEach(variables::putAll);
        StringBuilder text = new StringBuilder("# Credentials of the OTC Liquidity Router, written by local-stack --write-env."
                + " Secrets: keep this file owner-only and out of git.\n");
        variables.forEach((name, value) -> {
            if (value.contains("'")) {
                throw new IllegalStateException(name + " cannot be single-quoted");
            }
            // Single quotes: compose and the shell take the value literally ($ in bcrypt hashes stays as it is).
            text.append(name).append("='").append(value).append("'\n");
        });
        Files.deleteIfExists(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
