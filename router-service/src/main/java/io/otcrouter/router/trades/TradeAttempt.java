package io.otcrouter.router.trades;

import java.util.UUID;

/**
 * The trade one submission works on. With an {@code Idempotency-Key} the trade id was allocated when the key was
 * first claimed and is the same in every attempt under it; {@code resumed} says that an earlier attempt may already
 * have decided, and published, this trade.
 *
 * @param tradeId the trade's id, known before anything is decided or published
 * @param resumed an earlier attempt under the same key ended without a final answer, or crashed
 */
public record TradeAttempt(String tradeId, boolean resumed) {

    /** The request attribute under which the idempotency filter hands the attempt to the controller. */
    public static final String ATTRIBUTE = TradeAttempt.class.getName();

    /** A submission without an {@code Idempotency-Key}: a trade of its own. */
    public static TradeAttempt fresh() {
        return new TradeAttempt(UUID.randomUUID().toString(), false);
    }
}
