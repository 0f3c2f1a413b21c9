package io.otcrouter.router.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.Claim;
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.StoredResponse;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/** The key store against a real PostgreSQL migrated by the service's own Flyway scripts. */
class IdempotencyKeyRepositoryIT {

    private static final String HASH = "a".repeat(64);
    private static IdempotencyKeyRepository keys;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        jdbc = EmbeddedPostgresHolder.migratedSchema("router");
        keys = new IdempotencyKeyRepository(jdbc);
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentRequestsClaimAKeyWithItsTradeId() throws Exception {
        ScopedKey key = newKey();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String tradeId = "trade-" + i;
                claims.add(() -> keys.claim(key, HASH, tradeId, now, now.minusSeconds(120)));
            }
            List<Claim> winners = new ArrayList<>();
            for (Future<Optional<Claim>> claim : pool.invokeAll(claims)) {
                claim.get().ifPresent(winners::add);
            }
            assertThat(winners).singleElement().satisfies(winner -> {
                assertThat(winner.resumed()).isFalse();
                assertThat(keys.find(key).orElseThrow().tradeId()).isEqualTo(winner.tradeId());
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheSameIdempotencyKeyOfTwoApiKeysApart() {
        ScopedKey desk = newKey();
        ScopedKey otherDesk = new ScopedKey("other-desk", desk.key());
        Instant now = Instant.now();

        Claim deskClaim = keys.claim(desk, HASH, "desk-trade", now, now.minusSeconds(120)).orElseThrow();
        Claim otherClaim = keys.claim(otherDesk, "b".repeat(64), "other-trade", now, now.minusSeconds(120))
                .orElseThrow();
        keys.complete(desk, deskClaim, response(201), now, null);

        assertThat(keys.find(desk)).hasValueSatisfying(stored -> assertThat(stored.statusCode()).isEqualTo(201));
        assertThat(keys.find(otherDesk)).hasValueSatisfying(stored -> {
            assertThat(stored.completed()).isFalse();
            assertThat(stored.tradeId()).isEqualTo(otherClaim.tradeId()).isEqualTo("other-trade");
        });
    }

    @Test
    void shouldKeepTheAnswerOfTheFirstRequest() {
        ScopedKey key = newKey();
        Instant now = Instant.now();
        Claim claim = keys.claim(key, HASH, "t", now, now.minusSeconds(120)).orElseThrow();
        assertThat(keys.find(key)).hasValueSatisfying(stored -> assertThat(stored.completed()).isFalse());

        keys.complete(key, claim, new StoredResponse(null, 201, "{\"tradeId\":\"t\"}", "application/json",
                "/api/trades/t", "t"), now, null);

        assertThat(keys.find(key)).hasValue(new StoredResponse(HASH, 201, "{\"tradeId\":\"t\"}", "application/json",
                "/api/trades/t", "t"));
        assertThat(keys.claim(key, HASH, "another", now, now.minusSeconds(120))).isEmpty();
    }

    @Test
    void shouldLetTheNextAttemptOfTheSameRequestResumeTheSameTradeOnceAnAttemptEndedWithoutAnAnswer() {
        ScopedKey key = newKey();
        Instant now = Instant.now();
        Claim first = keys.claim(key, HASH, "first-trade", now, now.minusSeconds(120)).orElseThrow();
        assertThat(keys.claim(key, HASH, "second-trade", now, now.minusSeconds(120)))
                .as("while the first attempt runs").isEmpty();

        keys.endAttempt(key, first, null);

        assertThat(keys.claim(key, "b".repeat(64), "other-trade", now, now.minusSeconds(120)))
                .as("another request under the key").isEmpty();
        assertThat(keys.claim(key, HASH, "second-trade", now.plusSeconds(1), now.minusSeconds(119)))
                .hasValueSatisfying(second -> {
                    assertThat(second.tradeId()).isEqualTo("first-trade");
                    assertThat(second.resumed()).isTrue();
                });
    }

    @Test
    void shouldLetAKeyAbandonedInFlightBeResumedWithItsTradeIdButNeverACompletedOne() {
        ScopedKey abandoned = newKey();
        ScopedKey completed = newKey();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        keys.claim(abandoned, HASH, "crashed-trade", longAgo, longAgo);
        Claim done = keys.claim(completed, HASH, "done-trade", longAgo, longAgo).orElseThrow();
        keys.complete(completed, done, response(201), longAgo, null);
        Instant now = Instant.now();

        assertThat(keys.claim(abandoned, HASH, "new-trade", now, now.minusSeconds(120)))
                .hasValueSatisfying(resumed -> assertThat(resumed).isEqualTo(
                        new Claim("crashed-trade", true, now.truncatedTo(ChronoUnit.MICROS))));
        assertThat(keys.claim(completed, HASH, "new-trade", now, now.minusSeconds(120))).isEmpty();
    }

    @Test
    void shouldNotLetAnAttemptThatWasTakenOverOverwriteTheAttemptThatTookOver() {
        ScopedKey key = newKey();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        Claim stale = keys.claim(key, HASH, "trade", longAgo, longAgo).orElseThrow();
        Instant now = Instant.now();
        keys.claim(key, HASH, "unused", now, now.minusSeconds(120)).orElseThrow();

        keys.complete(key, stale, response(500), now, null);
        keys.endAttempt(key, stale, null);

        assertThat(keys.find(key)).hasValueSatisfying(stored -> assertThat(stored.completed()).isFalse());
        assertThat(keys.claim(key, HASH, "unused", now, now.minusSeconds(120)))
                .as("the attempt that took over still holds the key").isEmpty();
    }

    @Test
    void shouldRecordTheDecisionsAcknowledgementWithTheAnswerOrTheEndOfTheAttemptEvenWhenTakenOver() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant acknowledged = now.minusMillis(5);
        ScopedKey answered = newKey();
        Claim answeredClaim = keys.claim(answered, HASH, tracked("answered", null), now, now.minusSeconds(120))
                .orElseThrow();
        ScopedKey unanswered = newKey();
        Claim unansweredClaim = keys.claim(unanswered, HASH, tracked("unanswered", null), now, now.minusSeconds(120))
                .orElseThrow();
        ScopedKey takenOver = newKey();
        Instant longAgo = now.minus(Duration.ofMinutes(10));
        Claim stale = keys.claim(takenOver, HASH, tracked("taken-over", null), longAgo, longAgo).orElseThrow();
        keys.claim(takenOver, HASH, "unused", now, now.minusSeconds(120)).orElseThrow();
        ScopedKey unacknowledged = newKey();
        Claim unacknowledgedClaim = keys.claim(unacknowledged, HASH, tracked("unacknowledged", null), now,
                now.minusSeconds(120)).orElseThrow();
        ScopedKey already = newKey();
        Instant earlier = now.minusSeconds(30);
        Claim alreadyClaim = keys.claim(already, HASH, tracked("already", earlier), now, now.minusSeconds(120))
                .orElseThrow();

        keys.complete(answered, answeredClaim, response(201), now, acknowledged);
        keys.endAttempt(unanswered, unansweredClaim, acknowledged);
        keys.complete(takenOver, stale, response(201), now, acknowledged);
        keys.endAttempt(unacknowledged, unacknowledgedClaim, null);
        keys.complete(already, alreadyClaim, response(201), now, acknowledged);

        assertThat(publishedAt(answeredClaim)).isEqualTo(acknowledged);
        assertThat(keys.find(answered).orElseThrow().statusCode()).isEqualTo(201);
        assertThat(publishedAt(unansweredClaim)).isEqualTo(acknowledged);
        assertThat(keys.find(unanswered).orElseThrow().completed()).isFalse();
        assertThat(publishedAt(stale)).as("acknowledged, whoever holds the key now").isEqualTo(acknowledged);
        assertThat(keys.find(takenOver).orElseThrow().completed()).as("the answer is the new attempt's").isFalse();
        assertThat(publishedAt(unacknowledgedClaim)).isNull();
        assertThat(publishedAt(alreadyClaim)).as("the first acknowledgement stays").isEqualTo(earlier);
    }

    @Test
    void shouldPurgeOnlyKeysOlderThanTheRetention() {
        ScopedKey old = newKey();
        ScopedKey recent = newKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keys.claim(old, HASH, "old", now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(26)));
        keys.claim(recent, HASH, "recent", now.minus(Duration.ofHours(23)), now.minus(Duration.ofHours(24)));

        int purged = new IdempotencyKeyPurger(keys, new IdempotencyProperties(Duration.ofHours(24),
                Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofMinutes(2)), Clock.fixed(now, ZoneOffset.UTC))
                .purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(keys.find(old)).isEmpty();
        assertThat(keys.find(recent)).isPresent();
    }

    /** A tracked decision, acknowledged at {@code publishedAt} (null: not yet); returns its new trade id. */
    private static String tracked(String name, Instant publishedAt) {
        String tradeId = name + "-" + UUID.randomUUID();
        jdbc.sql("""
                insert into tracked_trade (trade_id, status, summary, decided_at, published_at)
                values (:tradeId, 'DECIDED', '{}', now(), :publishedAt)""").param("tradeId", tradeId)
                .param("publishedAt", publishedAt == null ? null : Timestamp.from(publishedAt)).update();
        return tradeId;
    }

    private static Instant publishedAt(Claim claim) {
        return jdbc.sql("select published_at from tracked_trade where trade_id = :tradeId")
                .param("tradeId", claim.tradeId())
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single()
                .orElse(null);
    }

    private static StoredResponse response(int status) {
        return new StoredResponse(null, status, "{}", "application/json", "/api/trades/t", "t");
    }

    private static ScopedKey newKey() {
        return new ScopedKey("desk", "key-" + UUID.randomUUID());
    }
}
