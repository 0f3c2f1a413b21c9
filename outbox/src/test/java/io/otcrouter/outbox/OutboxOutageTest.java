package io.otcrouter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionOperations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The cleaner, the relay and the pending gauge while PostgreSQL or the broker is briefly away: each run does nothing and the next one
 * tries again, and an outage is one WARN line without a stack trace, then one INFO line when it is over; a failure
 * that is no outage still fails.
 */
class OutboxOutageTest {

    private static final Clock CLOCK = Clock.fixed(OutboxEvents.AT, ZoneOffset.UTC);
    private static final CannotCreateTransactionException REFUSED = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new IllegalStateException("Connection is not available: PostgreSQL unreachable"));
    private static final DataAccessResourceFailureException LOST =
            new DataAccessResourceFailureException("could not execute statement",
                    new IllegalStateException("An I/O error occurred while sending to the backend"));

    private final OutboxRepository repository = mock(OutboxRepository.class);
    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(OutboxCleaner.class),
            (Logger) LoggerFactory.getLogger(OutboxRelay.class),
            (Logger) LoggerFactory.getLogger(OutboxPendingGauge.class));

    @BeforeEach
    void captureLog() {
        logged.start();
        loggers.forEach(logger -> logger.addAppender(logged));
    }

    @AfterEach
    void releaseLog() {
        loggers.forEach(logger -> logger.detachAppender(logged));
    }

    @Test
    void cleanerShouldWarnOncePerOutageWithoutAStackTraceAndSayWhenTheDatabaseAnswersAgain() {
        when(repository.deletePublishedBefore(any(), anyInt())).thenThrow(REFUSED, LOST, REFUSED).thenReturn(0);
        OutboxCleaner cleaner = cleaner();

        for (int run = 0; run < 3; run++) {
            assertThatCode(cleaner::purge).doesNotThrowAnyException();
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).contains("Outbox purge",
                "Could not open JPA EntityManager", "Connection is not available");

        cleaner.purge(); // the database is back
        cleaner.purge();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void cleanerShouldWarnAgainWhenTheDatabaseGoesAwayASecondTime() {
        when(repository.deletePublishedBefore(any(), anyInt())).thenThrow(LOST).thenReturn(0).thenThrow(REFUSED)
                .thenReturn(0);
        OutboxCleaner cleaner = cleaner();

        for (int run = 0; run < 4; run++) {
            cleaner.purge();
        }

        assertThat(logged.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void cleanerShouldLetAFailureThatIsNoOutagePropagate() {
        when(repository.deletePublishedBefore(any(), anyInt())).thenThrow(new IllegalStateException("a bug"));

        assertThatThrownBy(cleaner()::purge).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void relayShouldWarnOncePerDatabaseOutageWithoutAStackTraceAndSayWhenItAnswersAgain() {
        when(repository.lockUnpublished(anyInt())).thenThrow(REFUSED, LOST, REFUSED).thenReturn(List.of());
        OutboxRelay relay = relay();

        for (int round = 0; round < 3; round++) {
            assertThat(relay.relayRound()).isZero();
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).contains("database",
                "Could not open JPA EntityManager", "Connection is not available");

        relay.relayRound(); // the database is back
        relay.relayRound();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("database again");
    }

    @Test
    void relayShouldWarnAgainWhenTheDatabaseGoesAwayASecondTime() {
        when(repository.lockUnpublished(anyInt())).thenThrow(LOST).thenReturn(List.of()).thenThrow(REFUSED)
                .thenReturn(List.of());
        OutboxRelay relay = relay();

        for (int round = 0; round < 4; round++) {
            relay.relayRound();
        }

        assertThat(logged.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void relayShouldLetAFailureThatIsNoOutagePropagate() {
        when(repository.lockUnpublished(anyInt())).thenThrow(new IllegalStateException("a bug"));
        OutboxRelay relay = relay();

        assertThatThrownBy(relay::relayRound).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        assertThatThrownBy(relay::relayPending).isInstanceOf(IllegalStateException.class);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void relayShouldWarnOncePerBrokerOutageAndSayWhenTheBrokerAcknowledgesAgain() {
        when(repository.lockUnpublished(anyInt())).thenAnswer(call -> List.of(row(1)));
        when(kafka.send(anyString(), anyString(), any())).thenReturn(failed(), failed(), failed())
                .thenReturn(acked(), acked()).thenReturn(failed()).thenReturn(acked());
        OutboxRelay relay = relay();

        for (int round = 0; round < 3; round++) {
            assertThat(relay.relayRound()).isZero();
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).contains("Kafka broker", "broker unreachable");

        assertThat(relay.relayRound()).isEqualTo(1); // the broker is back
        assertThat(relay.relayRound()).isEqualTo(1);
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("Kafka broker again");

        relay.relayRound(); // away a second time, then back
        relay.relayRound();
        assertThat(logged.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
        assertThat(logged.list).allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
    }

    @Test
    void pendingGaugeShouldKeepItsLastCountAndWarnOncePerOutage() {
        when(repository.countUnpublished()).thenReturn(7L).thenThrow(REFUSED, LOST, REFUSED).thenReturn(2L);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxPendingGauge gauge = new OutboxPendingGauge(repository, registry);

        gauge.refresh();
        for (int count = 0; count < 3; count++) {
            assertThatCode(gauge::refresh).doesNotThrowAnyException();
        }
        assertThat(registry.get(OutboxPendingGauge.PENDING).gauge().value()).isEqualTo(7.0);
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();

        gauge.refresh(); // the database is back
        assertThat(registry.get(OutboxPendingGauge.PENDING).gauge().value()).isEqualTo(2.0);
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    private OutboxCleaner cleaner() {
        return new OutboxCleaner(repository, TransactionOperations.withoutTransaction(), Duration.ofHours(24), CLOCK,
                new SimpleMeterRegistry());
    }

    private OutboxRelay relay() {
        OutboxProperties properties = new OutboxProperties(true, Duration.ofHours(1), 500, Duration.ofSeconds(5),
                Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(5));
        return new OutboxRelay(repository, kafka, TransactionOperations.withoutTransaction(), properties, CLOCK);
    }

    private static CompletableFuture<SendResult<String, Object>> acked() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<SendResult<String, Object>> failed() {
        return CompletableFuture.failedFuture(new TimeoutException("broker unreachable"));
    }

    private static OutboxMessage row(long id) {
        OutboxMessage row = new OutboxMessage(OutboxEvents.PRICES.name(), "key-" + id, new byte[] {(byte) id},
                OutboxEvents.AT);
        ReflectionTestUtils.setField(row, "id", id);
        return row;
    }
}
