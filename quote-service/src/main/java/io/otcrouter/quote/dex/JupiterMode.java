package io.otcrouter.quote.dex;

/** Where DEX quotes come from. */
public enum JupiterMode {
    /** Jupiter only; an unavailable Jupiter gives UNAVAILABLE quotes. */
    LIVE,
    /** The constant-product model only, for machines without internet. */
    SIMULATED,
    /** Jupiter, and the constant-product model for any request Jupiter cannot serve (UNAVAILABLE). */
    AUTO
}
