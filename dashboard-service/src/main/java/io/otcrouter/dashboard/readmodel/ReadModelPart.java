package io.otcrouter.dashboard.readmodel;

/** The parts of the read model a browser can be told have changed. */
public enum ReadModelPart {
    PRICES, TRADES, POOLS
}
