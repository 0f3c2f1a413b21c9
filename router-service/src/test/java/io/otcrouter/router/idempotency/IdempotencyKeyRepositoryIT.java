package io.otcrouter.router.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.otcrouter.router.EmbeddedPostgresHolder;
import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.StoredResponse;

/** The key store against a real PostgreSQL migrated by the service's own Flyway scripts. */
class IdempotencyKeyRepositoryIT {

    private static final String HASH = "a".repeat(64);
    private static IdempotencyKeyRepository keys;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(EmbeddedPostgresHolder.postgres()).schemas("router").defaultSchema("router")
                .load().migrate();
        jdbc = JdbcClient.create(EmbeddedPostgresHolder.routerSchema());
        keys = new IdempotencyKeyRepository(jdbc);
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentRequestsClaimAKey() throws Exception {
        ScopedKey key = newKey();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(() -> keys.claim(key, HASH, now, now.minusSeconds(120)));
            }
            long winners = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                winners += claim.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheSameIdempotencyKeyOfTwoApiKeysApart() {
        ScopedKey desk = newKey();
        ScopedKey otherDesk = new ScopedKey("other-desk", desk.key());
        Instant now = Instant.now();

        assertThat(keys.claim(desk, HASH, now, now.minusSeconds(120))).isTrue();
        assertThat(keys.claim(otherDesk, "b".repeat(64), now, now.minusSeconds(120))).isTrue();
        keys.complete(desk, new StoredResponse(null, 201, "{}", "application/json", "/api/trades/t"), now);
        keys.release(otherDesk);

        assertThat(keys.find(desk)).hasValueSatisfying(stored -> assertThat(stored.statusCode()).isEqualTo(201));
        assertThat(keys.find(otherDesk)).isEmpty();
    }

    @Test
    void shouldKeepTheAnswerOfTheFirstRequest() {
        ScopedKey key = newKey();
        Instant now = Instant.now();
        keys.claim(key, HASH, now, now.minusSeconds(120));
        assertThat(keys.find(key)).hasValueSatisfying(stored -> assertThat(stored.completed()).isFalse());

        keys.complete(key, new StoredResponse(null, 201, "{\"tradeId\":\"t\"}", "application/json", "/api/trades/t"),
                now);

        assertThat(keys.find(key)).hasValue(
                new StoredResponse(HASH, 201, "{\"tradeId\":\"t\"}", "application/json", "/api/trades/t"));
        assertThat(keys.claim(key, HASH, now, now.minusSeconds(120))).isFalse();
    }

    @Test
    void shouldTakeOverAKeyAbandonedInFlightButNeverACompletedOne() {
        ScopedKey abandoned = newKey();
        ScopedKey completed = newKey();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        keys.claim(abandoned, HASH, longAgo, longAgo);
        keys.claim(completed, HASH, longAgo, longAgo);
        keys.complete(completed, new StoredResponse(null, 201, "{}", "application/json", null), longAgo);
        Instant now = Instant.now();

        assertThat(keys.claim(abandoned, "b".repeat(64), now, now.minusSeconds(120))).isTrue();
        assertThat(keys.claim(completed, "b".repeat(64), now, now.minusSeconds(120))).isFalse();
        assertThat(keys.find(abandoned).orElseThrow().requestHash()).isEqualTo("b".repeat(64));
    }

    @Test
    void shouldPurgeOnlyKeysOlderThanTheRetention() {
        ScopedKey old = newKey();
        ScopedKey recent = newKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keys.claim(old, HASH, now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(26)));
        keys.claim(recent, HASH, now.minus(Duration.ofHours(23)), now.minus(Duration.ofHours(24)));

        int purged = new IdempotencyKeyPurger(keys, new IdempotencyProperties(Duration.ofHours(24),
                Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofMinutes(2))).purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(keys.find(old)).isEmpty();
        assertThat(keys.find(recent)).isPresent();
    }

    private static ScopedKey newKey() {
        return new ScopedKey("desk", "key-" + UUID.randomUUID());
    }
}
