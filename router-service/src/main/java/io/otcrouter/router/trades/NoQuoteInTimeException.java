package io.otcrouter.router.trades;

import io.otcrouter.router.routing.Silence;

/**
 * No venue could fill the trade because Jupiter's side did not answer in time: nothing was decided, stored,
 * published or booked. The client retries; under the same Idempotency-Key the retry decides the same trade id
 * afresh, as after a decision the producer refused at once.
 */
public class NoQuoteInTimeException extends RuntimeException {

    private final transient Silence silence;

    public NoQuoteInTimeException(Silence silence) {
        super("No quote in time from " + silence.named());
        this.silence = silence;
    }

    public Silence silence() {
        return silence;
    }
}
