package io.otcrouter.ledger.outbox;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventSerializer;
import io.otcrouter.ledger.booking.TradeSettledPublisher;

/**
 * Publishes TradeSettled through the outbox: the encoded record is stored in the caller's transaction, so the
 * settled trade and its event commit (or roll back) together. Keyed by tradeId.
 */
@Component
class OutboxTradeSettledPublisher implements TradeSettledPublisher {

    private final OutboxRepository outbox;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final Clock clock;

    OutboxTradeSettledPublisher(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(TradeSettled event) {
        String topic = Topics.TRADES_SETTLED.name();
        outbox.save(new OutboxMessage(topic, event.getTradeId(), serializer.serialize(topic, event), clock.instant()));
    }
}
