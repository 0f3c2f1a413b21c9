package io.otcrouter.ledger.booking;

import java.nio.ByteBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.events.SettlementFigures;

/**
 * Makes a rebuilt ledger continue the settlements the live one had published, and publish nothing it had published.
 * A rebuild replays every event, so it settles each trade once with all its legs; the live ledger may have settled it
 * provisionally and corrected it since (revisions 1, 2, …). For each settled trade, against the latest revision on
 * the topic ({@link PublishedSettlements}):
 * <ul>
 * <li>the same figures: the trade takes that revision, nothing is published;</li>
 * <li>other figures (a leg the live ledger never booked before it stopped, or booked after a provisional settlement
 * it had not corrected yet): the trade takes the next revision and its settlement is published as a correction of
 * the published one, so consumers end where the ledger is;</li>
 * <li>nothing published (the live ledger stopped before its relay or its sweep): revision 1 is published, with the
 * event id it would have had.</li>
 * </ul>
 * Walks the trades in id order, one transaction per page.
 */
@Component
public class RebuiltSettlements {

    private static final int PAGE = 500;

    private final TradeRepository trades;
    private final TradeSettledPublisher publisher;
    private final TransactionTemplate transactions;

    RebuiltSettlements(TradeRepository trades, TradeSettledPublisher publisher, TransactionTemplate transactions) {
        this.trades = trades;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** What aligning did: trades left as published, corrected, published for the first time. */
    public record Alignment(long unchanged, long corrected, long firstPublished) {
    }

    public Alignment alignWith(PublishedSettlements published) {
        long[] counts = new long[3];
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<Trade> page = transactions.execute(status -> {
                List<Trade> settled = trades.findByStatusNotAndIdGreaterThanOrderById(TradeState.PENDING, from,
                        Limit.of(PAGE));
                settled.forEach(trade -> counts[align(trade, published.latest(trade.getTradeId()))]++);
                return settled;
            });
            if (page == null || page.isEmpty()) {
                return new Alignment(counts[0], counts[1], counts[2]);
            }
            afterId = page.get(page.size() - 1).getId();
        }
    }

    /** Returns 0 when unchanged, 1 when corrected, 2 when published for the first time. */
    private int align(Trade trade, Optional<SettlementFigures> latest) {
        if (latest.isEmpty()) {
            // The replay counted a revision at every settle it made without publishing any: what goes out first is 1.
            trade.continueRevisions(1);
            publisher.publish(TradeSettledEvents.of(trade, null));
            return 2;
        }
        SettlementFigures published = latest.get();
        if (sameFigures(TradeSettledEvents.figures(trade), published)) {
            trade.continueRevisions(published.getRevision());
            return 0;
        }
        trade.continueRevisions(published.getRevision() + 1);
        publisher.publish(TradeSettledEvents.of(trade, published));
        return 1;
    }

    /** Equal but for the revision: compared by their encoding, exact at the contract's scales. */
    static boolean sameFigures(SettlementFigures rebuilt, SettlementFigures published) {
        return encoded(rebuilt).equals(encoded(SettlementFigures.newBuilder(published)
                .setRevision(rebuilt.getRevision()).build()));
    }

    private static ByteBuffer encoded(SettlementFigures figures) {
        try {
            return figures.toByteBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
