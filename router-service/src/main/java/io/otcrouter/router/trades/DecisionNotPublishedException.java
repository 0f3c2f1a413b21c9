package io.otcrouter.router.trades;

/** The producer refused the decision at once: it was never sent, the trade was not executed. */
public class DecisionNotPublishedException extends RuntimeException {

    public DecisionNotPublishedException(String tradeId, Throwable cause) {
        super("Decision for trade " + tradeId + " could not be published: " + cause.getMessage(), cause);
    }
}
