package io.otcrouter.otcpool.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.otcrouter.otcpool.config.PoolProperties;

/**
 * The recovery sweep of pending fills while PostgreSQL is briefly away: each run does nothing and the next one looks
 * again, and the outage is one warning without a stack trace (then one line when it is over), not an error every
 * second.
 */
class FillRecoveryOutageTest {

    private static final long OVERDUE_FILL = 42L;
    private static final DataAccessResourceFailureException REFUSED = new DataAccessResourceFailureException(
            "Unable to acquire JDBC Connection");

    private final FillCompletion completion = mock(FillCompletion.class);
    private final PoolFillRepository fills = mock(PoolFillRepository.class);
    private final FillScheduler scheduler = new FillScheduler(completion, fills,
            new PoolProperties(false, Duration.ofMinutes(15), 20, BigDecimal.valueOf(2), 50, 0, 1000,
                    Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(6),
                    Duration.ofSeconds(1)),
            Clock.systemUTC());
    private final Logger logger = (Logger) LoggerFactory.getLogger(FillScheduler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
        scheduler.destroy();
    }

    @Test
    void shouldWarnOncePerOutageWithoutAStackTraceAndRecoverTheFillsWhenTheDatabaseAnswersAgain() {
        when(fills.findDuePending(any(), anyInt())).thenThrow(REFUSED).thenThrow(REFUSED).thenThrow(REFUSED)
                .thenReturn(List.of(OVERDUE_FILL));

        for (int run = 0; run < 3; run++) {
            assertThatCode(scheduler::recoverDue).doesNotThrowAnyException();
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).contains("Unable to acquire JDBC Connection");

        scheduler.recoverDue(); // the database is back: the overdue fill is completed

        verify(completion, timeout(5_000)).complete(OVERDUE_FILL);
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }
}
