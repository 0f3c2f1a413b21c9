package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsEnvFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryCredentialVariableComposeRequiresSingleQuotedAndOwnerOnly() throws Exception {
        LocalCredentials credentials = LocalCredentials.generate();
        Path env = dir.resolve(".env");

        CredentialsEnvFile.write(credentials, env);

        List<String> lines = Files.readAllLines(env).stream().filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf('='))).containsExactly("DASHBOARD_USERS",
                "LEDGER_API_KEY", "LEDGER_API_KEYS", "POOL_API_KEY", "POOL_API_KEYS", "PRICE_API_KEYS", "QUOTE_API_KEYS", "ROUTER_API_KEY",
                "ROUTER_API_KEYS");
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("[A-Z_]+='[^']+'"));
        assertThat(lines).contains("ROUTER_API_KEY='" + credentials.dashboardRouterKey() + "'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
    }
}
