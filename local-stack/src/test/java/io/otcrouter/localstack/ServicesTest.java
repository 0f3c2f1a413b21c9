package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesTest {

    @TempDir
    Path repoRoot;

    @Test
    void shouldTellTheUserToBuildWhenAServiceJarIsMissing() {
        assertThatThrownBy(() -> Services.requireJars(repoRoot, List.of("router-service")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("router-service/target/router-service.jar")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    void shouldFindTheRepositoryRootFromAnyDirectoryBelowIt() throws Exception {
        Files.createFile(repoRoot.resolve("pom.xml"));
        Files.createDirectories(repoRoot.resolve("router-service"));
        Path jarDir = Files.createDirectories(repoRoot.resolve("local-stack/target"));

        assertThat(RepoRoot.walkUp(jarDir)).contains(repoRoot);
    }
}
