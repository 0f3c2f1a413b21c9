package io.otcrouter.ledger.booking;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;

/**
 * The latest revision of each trade's settlement on the settled topic, as a rebuild reads it before emptying the
 * ledger: what consumers were told, which the rebuilt ledger continues from ({@link RebuiltSettlements}). Keeps only
 * the figures a correction carries, one entry per trade. Not thread-safe: the rebuild fills it on one thread.
 */
public final class PublishedSettlements {

    private final Map<String, SettlementFigures> latest = new HashMap<>();

    /** Takes a settlement read from the topic; an older revision than one already read is ignored. */
    public void add(TradeSettled settled) {
        latest.merge(settled.getTradeId(), TradeSettledEvents.figures(settled),
                (known, read) -> read.getRevision() > known.getRevision() ? read : known);
    }

    public int size() {
        return latest.size();
    }

    Optional<SettlementFigures> latest(String tradeId) {
        return Optional.ofNullable(latest.get(tradeId));
    }
}
