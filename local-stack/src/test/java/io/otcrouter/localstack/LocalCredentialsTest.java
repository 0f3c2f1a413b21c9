package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepWhatPeopleUseAcrossRestartsAndRenewTheDashboardsOwnKeys() throws Exception {
        LocalCredentials first = LocalCredentials.loadOrCreate(dataDir);
        LocalCredentials second = LocalCredentials.loadOrCreate(dataDir);

        assertThat(second.deskKey()).isEqualTo(first.deskKey()).startsWith("desk-").hasSizeGreaterThan(30);
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(second.poolAdminKey()).isEqualTo(first.poolAdminKey());
        assertThat(second.dashboardRouterKey()).isNotEqualTo(first.dashboardRouterKey());
        assertThat(Files.readString(dataDir.resolve("router-api-key")).trim()).isEqualTo(first.deskKey());
        assertThat(first.toString()).doesNotContain(first.deskKey());
    }

    @Test
    void shouldWriteEverySecretFileOwnerOnly() throws Exception {
        LocalCredentials.loadOrCreate(dataDir);

        for (String file : new String[] {"router-api-key", "read-api-key", "pool-admin-key", "metrics-api-key",
                "ops-api-key", "dashboard-admin-password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void shouldGiveEachDataDirectoryItsOwnSecrets() throws Exception {
        Path other = Files.createDirectories(dataDir.resolve("other"));
        assertThat(LocalCredentials.loadOrCreate(dataDir).deskKey())
                .isNotEqualTo(LocalCredentials.loadOrCreate(other).deskKey());
    }
}
