package io.otcrouter.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the first time only, the programmatic equivalent of {@code kafka-storage.sh format}.
 * Kafka's own {@code StorageTool.main} would call {@code Exit} (System.exit) when done, so the
 * {@link Formatter} it delegates to is used directly.
 */
final class KafkaStorage {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    /**
     * Returns the cluster id, formatting the directory only when it has no {@code meta.properties} yet.
     * Formatting again on a restart would create a new cluster id and the broker would no longer own the
     * topics and records written before.
     */
    static String formatOnce(Path logDir, KafkaConfig config, String controllerListener) throws Exception {
        Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            String clusterId = readClusterId(metaProperties);
            log.info("Kafka storage in {} already formatted (cluster id {})", logDir, clusterId);
            return clusterId;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(controllerListener)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toString())
                .run();
        log.info("Formatted Kafka storage in {} (cluster id {})", logDir, clusterId);
        log.debug("Formatter output: {}", formatterOutput.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String readClusterId(Path metaProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties)) {
            properties.load(reader);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; delete the Kafka data directory to start fresh");
        }
        return clusterId;
    }
}
