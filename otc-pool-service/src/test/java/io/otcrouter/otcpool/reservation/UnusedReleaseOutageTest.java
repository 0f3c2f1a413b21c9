package io.otcrouter.otcpool.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Set;

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
 * The release of unused holds while PostgreSQL is briefly away: the queued requests wait for the next run, and the
 * outage is one warning (then one line when it is over), not an error with a stack trace every 200 ms.
 */
class UnusedReleaseOutageTest {

    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final Reservations reservations = new Reservations(mock(ReservationRepository.class),
            mock(PoolRepository.class), mock(DecisionWatermark.class), transactions, mock(EntityManager.class),
            Clock.systemUTC());
    private final Logger logger = (Logger) LoggerFactory.getLogger(Reservations.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldWarnOncePerOutageKeepTheQueuedRequestsAndSayWhenTheDatabaseAnswersAgain() {
        when(transactions.execute(any())).thenThrow(new CannotCreateTransactionException("connection refused"))
                .thenThrow(new CannotCreateTransactionException("connection refused"))
                .thenThrow(new CannotCreateTransactionException("connection refused"))
                .thenReturn(0);
        reservations.releaseUnusedSoon("request-1", Set.of("quote-used"));

        for (int run = 0; run < 3; run++) {
            assertThatCode(reservations::releaseQueuedUnused).doesNotThrowAnyException();
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();

        reservations.releaseQueuedUnused(); // the database is back: the queued request is tried again
        reservations.releaseQueuedUnused(); // nothing left queued

        verify(transactions, times(4)).execute(any());
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }
}
