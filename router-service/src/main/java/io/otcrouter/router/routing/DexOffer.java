package io.otcrouter.router.routing;

import java.math.BigInteger;

/**
 * Jupiter as the optimiser may use it: its depth curve, and the leg sizes whose average price lies within the
 * price band ({@code minIn} to {@code maxIn}, both inclusive). A split never gives Jupiter a leg outside them.
 */
record DexOffer(DepthCurve curve, BigInteger minIn, BigInteger maxIn) {
}
