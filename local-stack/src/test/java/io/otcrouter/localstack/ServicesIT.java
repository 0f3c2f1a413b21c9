package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches real child JVMs from jars laid out like the repository's, with {@link FakeService} as the service. */
class ServicesIT {

    @TempDir
    Path repoRoot;

    private Path logDir;

    @BeforeEach
    void buildFakeServiceJars() throws IOException {
        for (String module : List.of("price-service", "router-service", "ledger-service")) {
            writeFakeServiceJar(repoRoot.resolve(module).resolve("target").resolve(module + ".jar"));
        }
        logDir = repoRoot.resolve("data/logs");
    }

    @Test
    void shouldStartAllServicesUntilHealthyAndStopThemOnClose() throws Exception {
        List<ServiceSpec> specs = List.of(spec("price-service"), spec("router-service"));

        try (Services services = Services.start(repoRoot, logDir, specs, Duration.ofSeconds(60))) {
            assertThat(specs).allSatisfy(spec -> assertThat(isListening(spec.port())).isTrue());
        }

        assertThat(specs).allSatisfy(spec -> assertThat(isListening(spec.port())).isFalse());
        assertThat(logDir.resolve("router-service.log")).content().contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29092");
    }

    @Test
    void shouldPointAtTheLogWhenAServiceExitsDuringStartup() {
        List<ServiceSpec> specs = List.of(spec("price-service"), spec("ledger-service").withEnv("FAKE_BEHAVIOUR", "exit"));

        assertThatThrownBy(() -> Services.start(repoRoot, logDir, specs, Duration.ofSeconds(60)))
                .hasMessageContaining("ledger-service exited during startup")
                .hasMessageContaining(logDir.resolve("ledger-service.log").toString());
        assertThat(isListening(specs.get(0).port())).isFalse();
    }

    private static ServiceSpec spec(String module) {
        int port = freePort();
        return new ServiceSpec(module, port, Map.of("SERVER_PORT", String.valueOf(port), "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092"));
    }

    private static void writeFakeServiceJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String classFile = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = FakeService.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.closeEntry();
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
