package io.otcrouter.router.trades;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.otcrouter.router.tracking.TradeTracker;

/**
 * Records the broker's acknowledgement of a decision that came after the client was answered 202, so that the
 * client's poll or retry finds the trade confirmed without searching the log. Off the producer's network thread,
 * which must never wait for the database.
 */
@Component
class LateAcknowledgements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LateAcknowledgements.class);

    private final TradeTracker tracker;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "late-acknowledgements");
        thread.setDaemon(true);
        return thread;
    });

    LateAcknowledgements(TradeTracker tracker) {
        this.tracker = tracker;
    }

    void follow(String tradeId, CompletableFuture<?> acknowledgement) {
        acknowledgement.whenCompleteAsync((sent, failure) -> {
            if (failure == null) {
                tracker.published(tradeId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
                log.info("Trade {}: decision acknowledged after the client was answered", tradeId);
            } else {
                log.warn("Trade {}: the producer gave up on the decision; a retry of the request finds out whether "
                        + "it reached the log: {}", tradeId, failure.toString());
            }
        }, recorder);
    }

    @Override
    public void destroy() {
        recorder.shutdown();
    }
}
