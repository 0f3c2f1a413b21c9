package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterApiKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheSameKeyAcrossRestartsInAnOwnerOnlyFile() throws Exception {
        String first = RouterApiKey.loadOrCreate(dataDir);
        String second = RouterApiKey.loadOrCreate(dataDir);

        assertThat(first).startsWith("local-").hasSizeGreaterThan(30).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("router-api-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldGiveEachDataDirectoryItsOwnKey(@TempDir Path other) throws Exception {
        assertThat(RouterApiKey.loadOrCreate(dataDir)).isNotEqualTo(RouterApiKey.loadOrCreate(other));
    }
}
