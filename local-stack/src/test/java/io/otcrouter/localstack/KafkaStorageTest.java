package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting writes files only; no broker is started and no port is bound. */
class KafkaStorageTest {

    // Never bound: formatting only reads them from the configuration.
    private static final int UNUSED_PORT = 1;
    private static final int UNUSED_CONTROLLER_PORT = 2;

    @TempDir
    Path logDir;

    @Test
    void shouldKeepTheClusterIdAndStorageWhenARestartFindsTheDirectoryFormatted() throws Exception {
        String firstClusterId = KafkaStorage.formatOnce(logDir, config(), KafkaBroker.CONTROLLER_LISTENER);
        String metaProperties = Files.readString(logDir.resolve("meta.properties"));

        String clusterIdAfterRestart = KafkaStorage.formatOnce(logDir, config(), KafkaBroker.CONTROLLER_LISTENER);

        assertThat(clusterIdAfterRestart).isEqualTo(firstClusterId);
        assertThat(logDir.resolve("meta.properties")).hasContent(metaProperties);
        assertThat(metaProperties).contains("cluster.id=" + firstClusterId, "node.id=1");
    }

    @Test
    void shouldRefuseAMetaPropertiesFileWithoutClusterIdInsteadOfFormattingOverIt() throws Exception {
        Files.writeString(logDir.resolve("meta.properties"), "node.id=1\n");

        assertThatThrownBy(() -> KafkaStorage.formatOnce(logDir, config(), KafkaBroker.CONTROLLER_LISTENER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no cluster.id");
        assertThat(logDir.resolve("meta.properties")).hasContent("node.id=1\n");
    }

    private KafkaConfig config() {
        return KafkaConfig.fromProps(KafkaBroker.brokerProperties(logDir, UNUSED_PORT, UNUSED_CONTROLLER_PORT), false);
    }
}
