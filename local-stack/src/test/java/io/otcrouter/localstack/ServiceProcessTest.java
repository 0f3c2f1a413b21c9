package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path ROUTER_JAR = Path.of("/repo/router-service/target/router-service.jar");

    @Test
    void shouldPutTheJvmOptionsBetweenJavaAndTheJar() {
        List<String> command = ServiceProcess.command(ROUTER_JAR, List.of("-Xmx1g", "-XX:+UseParallelGC"));

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command.subList(1, command.size()))
                .containsExactly("-Xmx1g", "-XX:+UseParallelGC", "-jar", ROUTER_JAR.toString());
    }

    @Test
    void shouldRunTheJarWithNoOptionsWhenNoneAreGiven() {
        assertThat(ServiceProcess.command(ROUTER_JAR, List.of())).endsWith("-jar", ROUTER_JAR.toString()).hasSize(3);
    }
}
