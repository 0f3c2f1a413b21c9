package io.otcrouter.router.trades;

import java.time.Instant;
import java.util.UUID;

/**
 * The trade one submission works on. With an {@code Idempotency-Key} the trade id was allocated when the key was
 * first claimed and is the same in every attempt under it; {@code resumed} says that an earlier attempt may already
 * have decided, and published, this trade.
 *
 * <p>Under a key, the broker's acknowledgement of the decision is not written on its own: the attempt carries it to
 * the idempotency filter, which records it in the same statement as the key's answer (issue 17: one statement less
 * per trade). Until then the trade reads as decided and unconfirmed, which a resuming attempt settles from the
 * event log, as it would for a router that crashed just before recording the acknowledgement.
 */
public final class TradeAttempt {

    /** The request attribute under which the idempotency filter hands the attempt to the controller. */
    public static final String ATTRIBUTE = TradeAttempt.class.getName();

    private final String tradeId;
    private final boolean resumed;
    private final boolean underKey;
    private volatile Instant acknowledgedAt;

    private TradeAttempt(String tradeId, boolean resumed, boolean underKey) {
        this.tradeId = tradeId;
        this.resumed = resumed;
        this.underKey = underKey;
    }

    /** A submission without an {@code Idempotency-Key}: a trade of its own. */
    public static TradeAttempt fresh() {
        return new TradeAttempt(UUID.randomUUID().toString(), false, false);
    }

    /**
     * An attempt under an {@code Idempotency-Key}, whose filter records the decision's acknowledgement with the
     * key's answer.
     *
     * @param resumed an earlier attempt under the same key ended without a final answer, or crashed
     */
    public static TradeAttempt underKey(String tradeId, boolean resumed) {
        return new TradeAttempt(tradeId, resumed, true);
    }

    /** The trade's id, known before anything is decided or published. */
    public String tradeId() {
        return tradeId;
    }

    /** An earlier attempt under the same key ended without a final answer, or crashed. */
    public boolean resumed() {
        return resumed;
    }

    /**
     * Notes that the broker acknowledged this attempt's decision.
     *
     * @return true when the idempotency filter records it; false when the caller must record it itself (no key)
     */
    boolean acknowledged(Instant at) {
        if (!underKey) {
            return false;
        }
        acknowledgedAt = at;
        return true;
    }

    /** When the broker acknowledged this attempt's decision; null when it did not (yet), or nothing was published. */
    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}
