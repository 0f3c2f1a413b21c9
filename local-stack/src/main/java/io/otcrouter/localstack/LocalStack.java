package io.otcrouter.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on a machine with only a JDK: PostgreSQL, a Kafka broker and the six services.
 * <pre>java -jar local-stack/target/local-stack.jar [--infra-only] [--demo] [--data-dir=./data]</pre>
 * Ctrl-C stops everything in reverse order. Data under the data directory survives restarts.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String DASHBOARD_URL = "http://localhost:" + ServicePorts.DEFAULTS.dashboard();

    private final StackOptions options;
    private final ShutdownSequence shutdown;

    LocalStack(StackOptions options, ShutdownSequence shutdown) {
        this.options = options;
        this.shutdown = shutdown;
    }

    public static void main(String[] args) {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        ShutdownSequence shutdown = new ShutdownSequence();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "local-stack-shutdown"));
        try {
            new LocalStack(options, shutdown).run();
        } catch (Exception e) {
            if (e instanceof IllegalStateException && e.getCause() == null) {
                // Our own precondition failures (missing jars, busy port...) already say what to do; a trace is noise.
                log.error("local-stack failed: {}", e.getMessage());
            } else {
                log.error("local-stack failed: {}", e.getMessage(), e);
            }
            // exit runs the shutdown hook, which stops whatever had already started.
            System.exit(1);
        }
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Path repoRoot = options.infraOnly() ? null : RepoRoot.find();
        if (repoRoot != null) {
            // Check the jars before spending seconds on Kafka and PostgreSQL.
            Services.requireJars(repoRoot, ServiceCatalog.MODULES);
        }
        LocalStackInfra infra = LocalStackInfra.start(options.dataDir(), LocalStackInfra.DEFAULT_KAFKA_PORT,
                LocalStackInfra.DEFAULT_KAFKA_CONTROLLER_PORT, LocalStackInfra.DEFAULT_POSTGRES_PORT);
        shutdown.add("Kafka and PostgreSQL", infra);
        if (options.infraOnly()) {
            printInfraOnlyInstructions(infra);
            return;
        }
        String apiKey = RouterApiKey.loadOrCreate(options.dataDir());
        List<ServiceSpec> specs = ServiceCatalog.standard(infra.endpoints(), ServicePorts.DEFAULTS, apiKey);
        Services services = Services.start(repoRoot, options.dataDir().resolve("logs"), specs, Services.DEFAULT_TIMEOUT);
        shutdown.add("services", services);
        log.info("All six services healthy in {} s (including Kafka and PostgreSQL). Dashboard: {}",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), DASHBOARD_URL);
        log.info("Router API key (send it as X-API-Key on POST /api/trades; kept in {}): {}",
                options.dataDir().resolve("router-api-key"), apiKey);
        if (options.demo()) {
            shutdown.add("demo trade flow",
                    DemoTradeFlow.start(URI.create("http://127.0.0.1:" + ServicePorts.DEFAULTS.router() + "/api/trades"),
                            apiKey));
        }
        log.info("Press Ctrl-C to stop everything");
        // main returns here; Kafka's non-daemon threads keep the JVM running until Ctrl-C triggers the shutdown hook.
    }

    private static void printInfraOnlyInstructions(LocalStackInfra infra) {
        Map<String, String> env = ServiceCatalog.withDatabase(infra.endpoints(), ServicePorts.DEFAULTS.router());
        String exports = env.entrySet().stream()
                .map(entry -> "export " + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator()));
        log.info("Kafka and PostgreSQL are running. To run a service yourself (example: router-service):{}{}{}"
                        + "java -jar router-service/target/router-service.jar{}Press Ctrl-C to stop.",
                System.lineSeparator(), exports, System.lineSeparator(), System.lineSeparator());
    }
}
