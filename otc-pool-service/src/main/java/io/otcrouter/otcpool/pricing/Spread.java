package io.otcrouter.otcpool.pricing;

/**
 * The spread of one quote and what it is made of, in whole basis points. {@code noiseBps} is 0 unless the
 * simulation knob asks for it.
 */
public record Spread(int baseBps, int sizeTierBps, int skewBps, int volatilityBps, int noiseBps, int capBps) {

    /** The same spread with another size tier's add-on in place of this one's. */
    public Spread withSizeTierBps(int tierBps) {
        return new Spread(baseBps, tierBps, skewBps, volatilityBps, noiseBps, capBps);
    }

    public int totalBps() {
        return Math.min(capBps, baseBps + sizeTierBps + skewBps + volatilityBps + noiseBps);
    }
}
