package io.otcrouter.price.pricing;

/** A price source could not answer this round; the board falls back to the next source. */
public class PriceSourceUnavailableException extends RuntimeException {

    public PriceSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PriceSourceUnavailableException(String message) {
        super(message);
    }
}
