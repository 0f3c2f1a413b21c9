package io.otcrouter.router.trades;

import java.time.Instant;
import java.util.function.Supplier;

import io.otcrouter.router.trades.DecisionLog.Search;
import io.otcrouter.router.tracking.Publication;

/**
 * What an attempt that resumes an Idempotency-Key does with the trade an earlier attempt under the key worked on
 * (it ended without a final answer, or its instance crashed). The rule that makes one key one trade: decide again
 * only when the earlier decision provably never reached the event log; answer it when it provably did; otherwise
 * say it is unconfirmed and let the client poll.
 */
enum Resumption {

    /** The earlier decision is in the log: answer that trade, decide nothing. */
    ANSWER_EXISTING,
    /** The earlier decision may be in the log, or may still land there: the client polls. */
    UNCONFIRMED,
    /** The earlier attempt decided nothing, or its decision never reached the log: decide, under the same id. */
    DECIDE;

    /**
     * @param log searched only when the router's own records cannot tell (a decision stored, neither acknowledged
     *            nor followed by any execution or settlement)
     */
    static Resumption of(Publication publication, Supplier<Search> log, Instant now, PublishTimeouts timeouts) {
        if (!publication.decisionStored()) {
            // A decision is stored before it is sent, so none stored means none sent; progress without one is a
            // trade this router cannot show: never decide it twice.
            return publication.progressed() ? UNCONFIRMED : DECIDE;
        }
        if (publication.confirmed()) {
            return ANSWER_EXISTING;
        }
        Search search = log.get();
        if (search == Search.FOUND) {
            return ANSWER_EXISTING;
        }
        boolean producerGaveUp = now.isAfter(timeouts.lastPossibleAppend(publication.decidedAt()));
        return search == Search.ABSENT && producerGaveUp ? DECIDE : UNCONFIRMED;
    }
}
