package io.otcrouter.router.trades;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long a decision's publication may take, as the API promises it and as the producer is configured, checked
 * against each other at start-up: the producer must not go on delivering a decision long after the router has
 * stopped waiting for it, or a client told "not confirmed" could not learn the outcome in good time.
 *
 * @param publishWait     how long a submission waits for the broker's acknowledgement before answering 202
 * @param maxBlock        {@code max.block.ms}: how long {@code send} may block (metadata, a full buffer) before it
 *                        refuses the decision at once
 * @param requestTimeout  {@code request.timeout.ms}: one produce request's wait for the broker
 * @param deliveryTimeout {@code delivery.timeout.ms}: after it the producer gives up on the decision for good
 */
public record PublishTimeouts(Duration publishWait, Duration maxBlock, Duration requestTimeout,
        Duration deliveryTimeout) {

    /** How much longer than the router waits the producer may still be delivering. */
    static final Duration DELIVERY_MARGIN = Duration.ofSeconds(2);
    /** Clock differences between router instances and the broker, and a slow write before the send. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

    // The Kafka client's own defaults, for a setting the configuration leaves out.
    private static final long DEFAULT_MAX_BLOCK_MS = 60_000;
    private static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
    private static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    public PublishTimeouts {
        if (deliveryTimeout.compareTo(publishWait.plus(DELIVERY_MARGIN)) > 0) {
            throw new IllegalArgumentException("delivery.timeout.ms (" + deliveryTimeout.toMillis() + ") must not "
                    + "exceed the router's publish wait (" + publishWait.toMillis() + " ms) by more than "
                    + DELIVERY_MARGIN.toMillis() + " ms: a decision would go on being delivered after the client "
                    + "was told it is unconfirmed");
        }
        if (maxBlock.compareTo(publishWait) > 0) {
            throw new IllegalArgumentException("max.block.ms (" + maxBlock.toMillis() + ") must not exceed the "
                    + "router's publish wait (" + publishWait.toMillis() + " ms)");
        }
        if (requestTimeout.compareTo(deliveryTimeout) >= 0) {
            throw new IllegalArgumentException("request.timeout.ms (" + requestTimeout.toMillis() + ") must be "
                    + "shorter than delivery.timeout.ms (" + deliveryTimeout.toMillis() + ") so that a request "
                    + "lost with a broker is retried before the producer gives up");
        }
    }

    /** From the producer's configuration (Kafka property names, values in milliseconds). */
    public static PublishTimeouts of(Duration publishWait, Map<String, Object> producer) {
        return new PublishTimeouts(publishWait, millis(producer, "max.block.ms", DEFAULT_MAX_BLOCK_MS),
                millis(producer, "request.timeout.ms", DEFAULT_REQUEST_TIMEOUT_MS),
                millis(producer, "delivery.timeout.ms", DEFAULT_DELIVERY_TIMEOUT_MS));
    }

    /**
     * The latest a decision made at {@code decidedAt} can have been appended to the log: it was sent right after it
     * was stored, {@code send} blocked at most {@code maxBlock}, and the producer gave up {@code deliveryTimeout}
     * later. A decision not in the log by then never will be.
     */
    public Instant lastPossibleAppend(Instant decidedAt) {
        return decidedAt.plus(maxBlock).plus(deliveryTimeout).plus(CLOCK_MARGIN);
    }

    /** Where to start looking in the log for a decision made at {@code decidedAt}. */
    public Instant earliestPossibleAppend(Instant decidedAt) {
        return decidedAt.minus(CLOCK_MARGIN);
    }

    private static Duration millis(Map<String, Object> producer, String name, long defaultMillis) {
        Object value = producer.get(name);
        return Duration.ofMillis(value == null ? defaultMillis : Long.parseLong(value.toString().trim()));
    }
}
