package io.otcrouter.router.tracking;

import java.time.Instant;

/**
 * What the router knows of whether a trade's decision reached the event log. The decision is stored before it is
 * published, so a trade without a stored decision was never published.
 *
 * @param decidedAt    when the stored decision was made; null when none is stored
 * @param acknowledged the broker acknowledged it, or the router found it on the decisions topic
 * @param progressed   a venue executed a leg of the trade or the ledger settled it: proof that it was published
 */
public record Publication(Instant decidedAt, boolean acknowledged, boolean progressed) {

    public static final Publication NOTHING_STORED = new Publication(null, false, false);

    public boolean decisionStored() {
        return decidedAt != null;
    }

    /** Published for certain, without looking in the log. */
    public boolean confirmed() {
        return acknowledged || progressed;
    }
}
