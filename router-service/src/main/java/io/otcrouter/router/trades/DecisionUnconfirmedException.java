package io.otcrouter.router.trades;

/**
 * The trade is decided but the event log has not confirmed its decision yet (the acknowledgement did not come in
 * time, or the producer gave up after sending it): it may be executing. The client polls the trade, or retries with
 * the same Idempotency-Key, which answers this trade and never decides another.
 */
public class DecisionUnconfirmedException extends RuntimeException {

    private final String tradeId;

    public DecisionUnconfirmedException(String tradeId, String why) {
        super("Trade " + tradeId + " is decided but its publication is not confirmed: " + why);
        this.tradeId = tradeId;
    }

    public String tradeId() {
        return tradeId;
    }
}
