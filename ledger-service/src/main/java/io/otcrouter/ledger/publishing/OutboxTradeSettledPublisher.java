package io.otcrouter.ledger.publishing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.ledger.booking.TradeSettledPublisher;
import io.otcrouter.outbox.Outbox;

/**
 * Publishes TradeSettled through the outbox: the encoded record is stored in the booking transaction, so the settled
 * trade and its event commit (or roll back) together. Keyed by tradeId, so a trade's revisions keep their order.
 */
@Component
class OutboxTradeSettledPublisher implements TradeSettledPublisher {

    private final Outbox outbox;

    OutboxTradeSettledPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(TradeSettled event) {
        outbox.append(Topics.TRADES_SETTLED, event.getTradeId(), event);
    }
}
