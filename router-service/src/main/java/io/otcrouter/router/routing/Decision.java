package io.otcrouter.router.routing;

import java.math.BigInteger;
import java.util.List;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.Route;

/**
 * What the router decided and why: explainable on its own.
 *
 * @param dexBaseline what sending everything to Jupiter would return, or null when Jupiter could not quote
 * @param dexQuote    Jupiter's answer, or null when it did not answer in time
 * @param originalRule what the original project's rule would have chosen, null when it cannot tell
 * @param networkFeePerLeg the network fee of one leg in output atomic units, in every candidate's net output
 */
public record Decision(Route route, List<Leg> legs, List<Candidate> candidates, BigInteger expectedOut,
        BigInteger dexBaseline, JupiterQuoted dexQuote, String reason, Route originalRule,
        BigInteger networkFeePerLeg) {

    /** Output gained over sending everything to Jupiter; null without a baseline. */
    public BigInteger expectedSaving() {
        return dexBaseline == null ? null : expectedOut.subtract(dexBaseline);
    }
}
