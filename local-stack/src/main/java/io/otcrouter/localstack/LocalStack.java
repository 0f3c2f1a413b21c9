package io.otcrouter.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on a machine with only a JDK: PostgreSQL, a Kafka broker and the six services.
 * <pre>java -jar local-stack/target/local-stack.jar [--infra-only[=kafka|postgres]] [--demo]
 *     [--service-jvm-options="-Xmx512m ..."] [--data-dir=./data]
 * java -jar local-stack/target/local-stack.jar --write-env=.env [--data-dir=./data]</pre>
 * Ctrl-C stops everything in reverse order. Data under the data directory survives restarts.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String WRITE_ENV = "--write-env=";
    private static final String DASHBOARD_URL = "http://localhost:" + ServicePorts.DEFAULTS.dashboard();

    private final StackOptions options;
    private final ShutdownSequence shutdown;

    LocalStack(StackOptions options, ShutdownSequence shutdown) {
        this.options = options;
        this.shutdown = shutdown;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].startsWith(WRITE_ENV)) {
            System.exit(writeEnv(args));
        }
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
        // Wait for Ctrl-C, whose shutdown hook stops everything. Kafka's non-daemon threads would keep the JVM alive
        // anyway, but PostgreSQL alone (--infra-only=postgres) is a child process and leaves no thread behind.
        new CountDownLatch(1).await();
    }

    /** {@code --write-env=<file> [--data-dir=<dir>]}: writes the credentials file and exits. */
    private static int writeEnv(String[] args) {
        Path file = Path.of(args[0].substring(WRITE_ENV.length()));
        Path dataDir = Path.of("data");
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--data-dir=")) {
                log.error("--write-env takes only --data-dir=<dir> besides the file");
                return 2;
            }
            dataDir = Path.of(args[i].substring("--data-dir=".length()));
        }
        try {
            CredentialsEnvFile.write(LocalCredentials.loadOrCreate(dataDir), file);
            log.info("Wrote every service's credentials to {} (owner-only); the secrets people use are in {}", file,
                    dataDir.toAbsolutePath().normalize());
            return 0;
        } catch (IOException e) {
            log.error("could not write {}: {}", file, e.getMessage());
            return 1;
        }
    }

    void run() throws Exception {
        switch (options.mode()) {
            case KAFKA -> runKafkaOnly();
            case POSTGRES -> runPostgresOnly();
            case INFRA, FULL -> runInfraAndServices();
        }
    }

    private void runKafkaOnly() throws Exception {
        KafkaBroker kafka = LocalStackInfra.startKafka(options.dataDir(), LocalStackInfra.DEFAULT_KAFKA_PORT,
                LocalStackInfra.DEFAULT_KAFKA_CONTROLLER_PORT);
        shutdown.add("Kafka", kafka);
        log.info(InfraOnlyInstructions.kafkaOnly(ServiceCatalog.kafka(kafka.bootstrapServers())));
    }

    private void runPostgresOnly() throws Exception {
        Postgres postgres = LocalStackInfra.startPostgres(options.dataDir(), LocalStackInfra.DEFAULT_POSTGRES_PORT);
        shutdown.add("PostgreSQL", postgres);
        log.info(InfraOnlyInstructions.postgresOnly(
                ServiceCatalog.database(postgres.jdbcUrl(), Postgres.USERNAME, Postgres.PASSWORD)));
    }

    private void runInfraAndServices() throws Exception {
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
            log.info(InfraOnlyInstructions.kafkaAndPostgres(
                    ServiceCatalog.withDatabase(infra.endpoints(), ServicePorts.DEFAULTS.router())));
            return;
        }
        LocalCredentials credentials = LocalCredentials.loadOrCreate(options.dataDir());
        List<ServiceSpec> specs = ServiceCatalog.standard(infra.endpoints(), ServicePorts.DEFAULTS, credentials,
                ServiceCatalog.jupiterMode(System.getenv()));
        Services services = Services.start(repoRoot, options.dataDir().resolve("logs"), specs, Services.DEFAULT_TIMEOUT,
                options.serviceJvmOptions());
        shutdown.add("services", services);
        log.info("All six services healthy in {} s (including Kafka and PostgreSQL). Dashboard: {}",
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), DASHBOARD_URL);
        // Where the credentials are, never the credentials: this output often ends up in terminals' scrollback and logs.
        Path data = options.dataDir();
        log.info("Sign in to the dashboard as '{}' with the password in {}", LocalCredentials.ADMIN_USER,
                data.resolve(LocalCredentials.ADMIN_PASSWORD_FILE));
        log.info("Router API key (X-API-Key on POST /api/trades, scopes trade+read): {}",
                data.resolve(LocalCredentials.DESK_KEY_FILE));
        log.info("Pool admin key: {}; read key (ledger, prices): {}; metrics key (actuator of every service): {}",
                data.resolve(LocalCredentials.POOL_ADMIN_KEY_FILE), data.resolve(LocalCredentials.READ_KEY_FILE),
                data.resolve(LocalCredentials.METRICS_KEY_FILE));
        log.info("Ops key (dead-letter tools, /admin/dead-letters of every service): {}",
                data.resolve(LocalCredentials.OPS_KEY_FILE));
        if (options.demo()) {
            shutdown.add("demo trade flow",
                    DemoTradeFlow.start(URI.create("http://127.0.0.1:" + ServicePorts.DEFAULTS.router() + "/api/trades"),
                            credentials.deskKey()));
        }
        log.info("Press Ctrl-C to stop everything");
    }
}
