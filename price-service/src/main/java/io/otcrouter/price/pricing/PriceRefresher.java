package io.otcrouter.price.pricing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled round: refresh the board, then publish every token's price, live or static. Publishing every
 * token every round doubles as a heartbeat on the compacted topic. Nothing thrown here may stop the schedule.
 */
public class PriceRefresher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PriceRefresher.class);

    private final PriceBoard board;
    private final PriceUpdatedPublisher publisher;

    public PriceRefresher(PriceBoard board, PriceUpdatedPublisher publisher) {
        this.board = board;
        this.publisher = publisher;
    }

    @Override
    public void run() {
        PriceSnapshot snapshot;
        try {
            snapshot = board.refresh();
        } catch (RuntimeException e) {
            log.error("Price refresh round failed; keeping the previous prices", e);
            return;
        }
        for (TokenPrice price : snapshot.all()) {
            try {
                publisher.publish(price);
            } catch (RuntimeException e) {
                // The producer listener has already logged the cause with its stack trace.
                log.warn("Could not publish the price of {}: {}", price.symbol(), e.getMessage());
                log.debug("Publish failure of {}", price.symbol(), e);
            }
        }
    }
}
