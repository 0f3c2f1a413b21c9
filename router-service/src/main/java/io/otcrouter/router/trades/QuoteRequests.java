package io.otcrouter.router.trades;

import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.router.routing.TradeIntent;

/** The request to every venue to price an intent: firm for a trade, indicative (no trade id) for a quote. */
final class QuoteRequests {

    private QuoteRequests() {
    }

    static QuoteRequested of(String requestId, String tradeId, TradeIntent intent, Instant occurredAt,
            Instant replyBy) {
        return QuoteRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt)
                .setRequestId(requestId).setTradeId(tradeId).setPair(intent.pair())
                .setInputSymbol(intent.input().symbol()).setInputMint(intent.input().mint())
                .setInputDecimals(intent.input().decimals())
                .setOutputSymbol(intent.output().symbol()).setOutputMint(intent.output().mint())
                .setOutputDecimals(intent.output().decimals())
                .setAmountIn(EventDecimals.atomic(intent.amountIn())).setSlippageBps(intent.slippageBps())
                .setIndicative(tradeId == null).setReplyBy(replyBy)
                .build();
    }
}
