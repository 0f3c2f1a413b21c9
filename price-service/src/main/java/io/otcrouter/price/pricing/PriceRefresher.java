package io.otcrouter.price.pricing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled round: refresh the board, then publish each token whose price changed (value, 24 h change,
 * source or stale flag) since it was last published, and every token once per heartbeat interval, so a consumer
 * that sees no event for longer than the heartbeat knows price-service is gone. Nothing thrown here may stop
 * the schedule.
 */
public class PriceRefresher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PriceRefresher.class);

    private final PriceBoard board;
    private final PriceUpdatedPublisher publisher;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Map<String, TokenPrice> lastPublished = new HashMap<>();
    private Instant lastHeartbeat;

    /** @param heartbeatInterval every token is published at least this often; zero publishes every round */
    public PriceRefresher(PriceBoard board, PriceUpdatedPublisher publisher, Clock clock, Duration heartbeatInterval) {
        this.board = board;
        this.publisher = publisher;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public synchronized void run() {
        PriceSnapshot snapshot;
        try {
            snapshot = board.refresh();
        } catch (RuntimeException e) {
            log.error("Price refresh round failed; keeping the previous prices", e);
            return;
        }
        Instant now = clock.instant();
        boolean heartbeat = lastHeartbeat == null || !now.isBefore(lastHeartbeat.plus(heartbeatInterval));
        for (TokenPrice price : snapshot.all()) {
            if (heartbeat || changed(lastPublished.get(price.symbol()), price)) {
                publish(price);
            }
        }
        if (heartbeat) {
            lastHeartbeat = now;
        }
    }

    private void publish(TokenPrice price) {
        try {
            publisher.publish(price);
            lastPublished.put(price.symbol(), price);
        } catch (RuntimeException e) {
            // Not remembered as published, so the next round tries again. The producer has logged the cause.
            log.warn("Could not publish the price of {}: {}", price.symbol(), e.getMessage());
            log.debug("Publish failure of {}", price.symbol(), e);
        }
    }

    /** observedAt alone is not a change: the heartbeat carries a newer observation of the same price. */
    static boolean changed(TokenPrice before, TokenPrice now) {
        return before == null
                || before.priceUsd().compareTo(now.priceUsd()) != 0
                || !sameDecimal(before.change24hPct(), now.change24hPct())
                || before.source() != now.source()
                || before.stale() != now.stale();
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
