package io.otcrouter.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (one node acting as broker and controller), run inside this
 * JVM from the Kafka server jars, so the stack needs neither Docker nor a Kafka download.
 * <p>
 * The data directory survives restarts: it is formatted only once (see {@link KafkaStorage}), so topics and records
 * written in an earlier run are still there. Topics are never auto-created; each service creates its own.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dataDir} if needed, starts the broker and returns once it answers {@code describeCluster}. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) throws Exception {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        Files.createDirectories(dataDir);
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(dataDir, port, controllerPort), false);
        KafkaStorage.formatOnce(dataDir, config, CONTROLLER_LISTENER);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        try {
            server.startup();
            broker.awaitReady();
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // A static voter set: nothing about the controller address is written into the metadata log,
        // so the same data directory can be reused with other ports (tests pick free ports).
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "3");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Internal topics default to replication factor 3, which a single node can never satisfy.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // The controller appends a no-op record to the metadata log every 500 ms by default, so that brokers elsewhere
        // notice when they stop hearing from it; this node is its own controller. Each one goes through the raft log,
        // the metadata loader and its publishers: about a tenth of an idle stack's broker CPU.
        props.put("metadata.max.idle.interval.ms", "10000");
        return props;
    }

    /** The broker only lists itself in describeCluster once it is registered and unfenced, i.e. usable. */
    private void awaitReady() throws Exception {
        Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminConfig)) {
            Collection<Node> nodes = Polling.until("Kafka at " + bootstrapServers, READY_TIMEOUT, Duration.ofMillis(200), () -> {
                Collection<Node> described = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get();
                return described.isEmpty() ? Optional.empty() : Optional.of(described);
            });
            log.info("Kafka broker ready at {} ({} node)", bootstrapServers, nodes.size());
        }
    }
}
