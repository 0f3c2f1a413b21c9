package io.otcrouter.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL plus Kafka under one data directory ({@code <dataDir>/postgres}, {@code <dataDir>/kafka},
 * logs in {@code <dataDir>/logs}). Ports are parameters so tests can run it in a temporary directory on free ports.
 * Either half can also be started alone, so that two processes sharing the data directory run one each and the
 * broker can be killed and restarted without taking the database with it.
 */
public final class LocalStackInfra implements AutoCloseable {

    public static final int DEFAULT_KAFKA_PORT = 29092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 29093;
    public static final int DEFAULT_POSTGRES_PORT = 54329;

    private static final Logger log = LoggerFactory.getLogger(LocalStackInfra.class);

    private final Postgres postgres;
    private final KafkaBroker kafka;

    private LocalStackInfra(Postgres postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts PostgreSQL, then Kafka; if Kafka fails, PostgreSQL is stopped again before the error is rethrown. */
    public static LocalStackInfra start(Path dataDir, int kafkaPort, int controllerPort, int postgresPort) throws Exception {
        long started = System.nanoTime();
        Postgres postgres = startPostgres(dataDir, postgresPort);
        KafkaBroker kafka;
        try {
            kafka = startKafka(dataDir, kafkaPort, controllerPort);
        } catch (Exception e) {
            try {
                postgres.close();
            } catch (Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        log.info("Infrastructure up in {} ms", (System.nanoTime() - started) / 1_000_000);
        return new LocalStackInfra(postgres, kafka);
    }

    /**
     * The broker alone, on the same {@code <dataDir>/kafka} as {@link #start}, for {@code --infra-only=kafka}.
     * A restart on that directory keeps the cluster id, topics and records (it is formatted only once).
     */
    public static KafkaBroker startKafka(Path dataDir, int kafkaPort, int controllerPort) throws Exception {
        return KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
    }

    /** The database alone, on the same {@code <dataDir>/postgres} as {@link #start}, for {@code --infra-only=postgres}. */
    public static Postgres startPostgres(Path dataDir, int postgresPort) throws Exception {
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        return Postgres.start(dataDir.resolve("postgres"), postgresPort, logs.resolve("postgres.log"));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** What a service needs to reach this infrastructure. */
    public InfraEndpoints endpoints() {
        return new InfraEndpoints(bootstrapServers(), jdbcUrl(), Postgres.USERNAME, Postgres.PASSWORD);
    }

    /** Stops Kafka first (it may still be flushing), then PostgreSQL; both are attempted even if one fails. */
    @Override
    public void close() throws Exception {
        try {
            kafka.close();
            log.info("Kafka stopped");
        } finally {
            postgres.close();
            log.info("PostgreSQL stopped");
        }
    }
}
