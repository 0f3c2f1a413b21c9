package io.otcrouter.otcpool.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.watermark.DecisionWatermark;

/**
 * The expiry sweep while PostgreSQL is briefly away: each run does nothing and the next one tries again, and the
 * outage is one warning without a stack trace (then one line when it is over), not an error every second.
 */
class ExpirySweepOutageTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final CannotCreateTransactionException REFUSED = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new IllegalStateException("Connection is not available: PostgreSQL unreachable"));

    private final DecisionWatermark watermark = mock(DecisionWatermark.class);
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final Reservations reservations = new Reservations(mock(ReservationRepository.class),
            mock(PoolRepository.class), watermark, transactions, mock(EntityManager.class),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Logger logger = (Logger) LoggerFactory.getLogger(Reservations.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
        when(watermark.cutoff(NOW)).thenReturn(Optional.of(NOW));
        when(transactions.execute(any())).thenReturn(0);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldWarnOncePerOutageWithoutAStackTraceAndSayWhenTheDatabaseAnswersAgain() {
        doThrow(REFUSED).doThrow(REFUSED).doThrow(REFUSED).doNothing().when(watermark).record();

        for (int run = 0; run < 3; run++) {
            assertThatCode(reservations::releaseExpired).doesNotThrowAnyException();
        }
        verify(transactions, never()).execute(any());
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).contains("Expired firm quotes not released",
                "Connection is not available");

        reservations.releaseExpired(); // the database is back: the sweep runs
        reservations.releaseExpired();

        verify(transactions, times(2)).execute(any());
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void shouldWarnAgainWhenTheDatabaseGoesAwayASecondTime() {
        doThrow(REFUSED).doNothing().doThrow(REFUSED).doNothing().when(watermark).record();

        for (int run = 0; run < 4; run++) {
            reservations.releaseExpired();
        }

        assertThat(logged.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void shouldLetAFailureThatIsNoOutagePropagate() {
        doNothing().when(watermark).record();
        when(transactions.execute(any())).thenThrow(new IllegalStateException("Pool p-1 holds less than quote q"));

        assertThatThrownBy(reservations::releaseExpired).isInstanceOf(IllegalStateException.class);
        assertThat(logged.list).isEmpty();
    }
}
