package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jupiter's output as a function of input size, from a few observed points (atomic units). Between two points
 * the curve is the constant-product curve {@code out = a·x / (b + x)} through both of them — monotone and
 * concave, and exact when the venue behind Jupiter is itself a constant-product pool. Where two points do not
 * bend (a linear or convex pair, as live quotes sometimes are), that segment is a straight line instead.
 * Below the first point the first segment's curve is used (it passes through the origin); beyond the last
 * point, the last segment's.
 */
public final class DepthCurve {

    static final MathContext MATH = MathContext.DECIMAL128;

    private final List<Point> points;

    private DepthCurve(List<Point> points) {
        this.points = points;
    }

    /** A curve through the given (input, output) points; at least one point with positive amounts. */
    public static DepthCurve through(Map<BigInteger, BigInteger> outputBySize) {
        TreeMap<BigInteger, BigInteger> sorted = new TreeMap<>();
        outputBySize.forEach((in, out) -> {
            if (in.signum() > 0 && out.signum() > 0) {
                sorted.put(in, out);
            }
        });
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A depth curve needs at least one positive point");
        }
        List<Point> points = new ArrayList<>();
        sorted.forEach((in, out) -> points.add(new Point(new BigDecimal(in), new BigDecimal(out))));
        points.sort(Comparator.comparing(Point::in));
        return new DepthCurve(List.copyOf(points));
    }

    /** Expected output for {@code in} atomic units; fractional, for optimisation. Zero for zero input. */
    public BigDecimal outFor(BigDecimal in) {
        if (in.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (points.size() == 1) {
            Point only = points.get(0);
            return only.out().multiply(in, MATH).divide(only.in(), MATH);
        }
        int segment = 0;
        while (segment < points.size() - 2 && in.compareTo(points.get(segment + 1).in()) > 0) {
            segment++;
        }
        return evaluate(points.get(segment), points.get(segment + 1), in);
    }

    /** Largest input this curve has observed; beyond it the curve is an extrapolation. */
    public BigDecimal largestObservedInput() {
        return points.get(points.size() - 1).in();
    }

    private static BigDecimal evaluate(Point p1, Point p2, BigDecimal x) {
        // Constant product through p1 and p2: b = x1·x2·(y1 − y2) / (x1·y2 − x2·y1), a = y1·(b + x1) / x1.
        BigDecimal denominator = p1.in().multiply(p2.out(), MATH).subtract(p2.in().multiply(p1.out(), MATH), MATH);
        BigDecimal numerator = p1.in().multiply(p2.in(), MATH).multiply(p1.out().subtract(p2.out()), MATH);
        if (denominator.signum() >= 0 || numerator.signum() >= 0) {
            return linear(p1, p2, x);
        }
        BigDecimal b = numerator.divide(denominator, MATH);
        BigDecimal a = p1.out().multiply(b.add(p1.in()), MATH).divide(p1.in(), MATH);
        return a.multiply(x, MATH).divide(b.add(x), MATH);
    }

    private static BigDecimal linear(Point p1, Point p2, BigDecimal x) {
        if (p2.out().compareTo(p1.out()) <= 0) {
            // Not increasing: never promise more for a larger size than for a smaller one.
            return p1.out().min(p1.out().multiply(x, MATH).divide(p1.in(), MATH));
        }
        BigDecimal slope = p2.out().subtract(p1.out()).divide(p2.in().subtract(p1.in()), MATH);
        BigDecimal value = p1.out().add(slope.multiply(x.subtract(p1.in()), MATH), MATH);
        return value.max(BigDecimal.ZERO);
    }

    private record Point(BigDecimal in, BigDecimal out) {
    }
}
