package io.otcrouter.otcpool.pricing;

/**
 * The spread of one quote and what it is made of, in whole basis points. {@code noiseBps} is 0 unless the
 * simulation knob asks for it.
 */
public record Spread(int baseBps, int sizeTierBps, int skewBps, int volatilityBps, int noiseBps, int capBps) {

    public int totalBps() {
        return Math.min(capBps, baseBps + sizeTierBps + skewBps + volatilityBps + noiseBps);
    }
}
