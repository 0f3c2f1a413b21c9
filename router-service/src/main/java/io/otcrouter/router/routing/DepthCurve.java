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
    /** segments.get(i) runs from points i to i + 1; a single point is one line through the origin. */
    private final List<Segment> segments;

    private DepthCurve(List<Point> points) {
        this.points = points;
        List<Segment> built = new ArrayList<>();
        if (points.size() == 1) {
            Point only = points.get(0);
            built.add(Segment.line(only.out().divide(only.in(), MATH), BigDecimal.ZERO));
        }
        for (int i = 0; i + 1 < points.size(); i++) {
            built.add(Segment.between(points.get(i), points.get(i + 1)));
        }
        this.segments = List.copyOf(built);
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
        return segments.get(segmentOf(in.doubleValue())).out(in);
    }

    /**
     * The slope of the curve at {@code in}, in double precision: only to locate an optimum, which is then settled
     * with {@link #outFor} in exact arithmetic.
     */
    double marginalAt(double in) {
        return segments.get(segmentOf(Math.max(in, 0))).marginal(Math.max(in, 0));
    }

    /** Largest input this curve has observed; beyond it the curve is an extrapolation. */
    public BigDecimal largestObservedInput() {
        return points.get(points.size() - 1).in();
    }

    private int segmentOf(double in) {
        int segment = 0;
        while (segment < segments.size() - 1 && in > points.get(segment + 1).in().doubleValue()) {
            segment++;
        }
        return segment;
    }

    /**
     * One piece of the curve: {@code a·x / (b + x)} (constant product), or {@code a·x + b} (a straight line), or
     * {@code min(y1, y1·x / x1)} (a pair that does not increase: never more for a larger size).
     */
    private record Segment(Kind kind, BigDecimal a, BigDecimal b, double da, double db) {

        enum Kind { CONSTANT_PRODUCT, LINE, CAPPED }

        static Segment line(BigDecimal slope, BigDecimal intercept) {
            return new Segment(Kind.LINE, slope, intercept, slope.doubleValue(), intercept.doubleValue());
        }

        static Segment between(Point p1, Point p2) {
            // Constant product through p1 and p2: b = x1·x2·(y1 − y2) / (x1·y2 − x2·y1), a = y1·(b + x1) / x1.
            BigDecimal denominator = p1.in().multiply(p2.out(), MATH).subtract(p2.in().multiply(p1.out(), MATH), MATH);
            BigDecimal numerator = p1.in().multiply(p2.in(), MATH).multiply(p1.out().subtract(p2.out()), MATH);
            if (denominator.signum() < 0 && numerator.signum() < 0) {
                BigDecimal b = numerator.divide(denominator, MATH);
                BigDecimal a = p1.out().multiply(b.add(p1.in()), MATH).divide(p1.in(), MATH);
                return new Segment(Kind.CONSTANT_PRODUCT, a, b, a.doubleValue(), b.doubleValue());
            }
            if (p2.out().compareTo(p1.out()) <= 0) {
                return new Segment(Kind.CAPPED, p1.out(), p1.in(), p1.out().doubleValue(), p1.in().doubleValue());
            }
            BigDecimal slope = p2.out().subtract(p1.out()).divide(p2.in().subtract(p1.in()), MATH);
            return line(slope, p1.out().subtract(slope.multiply(p1.in(), MATH), MATH));
        }

        BigDecimal out(BigDecimal x) {
            return switch (kind) {
                case CONSTANT_PRODUCT -> a.multiply(x, MATH).divide(b.add(x), MATH);
                case LINE -> a.multiply(x, MATH).add(b, MATH).max(BigDecimal.ZERO);
                case CAPPED -> a.min(a.multiply(x, MATH).divide(b, MATH));
            };
        }

        double marginal(double x) {
            return switch (kind) {
                case CONSTANT_PRODUCT -> da * db / ((db + x) * (db + x));
                case LINE -> da * x + db > 0 ? da : 0;
                case CAPPED -> x < db ? da / db : 0;
            };
        }
    }

    private record Point(BigDecimal in, BigDecimal out) {
    }
}
