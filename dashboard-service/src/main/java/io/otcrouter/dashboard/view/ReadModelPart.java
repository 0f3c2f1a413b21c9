package io.otcrouter.dashboard.view;

/** The parts of the read model a browser can be told have changed. */
public enum ReadModelPart {
    PRICES, TRADES, POOLS
}
