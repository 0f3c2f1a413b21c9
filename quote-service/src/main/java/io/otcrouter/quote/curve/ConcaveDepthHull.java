package io.otcrouter.quote.curve;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Jupiter's output between observed input sizes, read off the least concave majorant of the points, and nothing
 * beyond the largest one: unlike router-service's {@code DepthCurve} (constant-product segments that extrapolate),
 * it only interpolates, for answering a size nobody asked Jupiter for. The interpolant is the piecewise-linear least
 * concave majorant of the points and the origin, made non-decreasing: monotone and concave by construction even
 * when live points are noisy (a point under the hull is dropped; a dip at the large end becomes flat). Chords of a
 * concave curve lie under it, so between points the estimate errs on the side of less output. Beyond the largest
 * observed size it refuses: any extrapolation of a concave curve overstates output.
 */
public final class ConcaveDepthHull {

    private final List<DepthSample> points;
    private final List<DepthSample> vertices;
    private final Instant observedAt;

    private ConcaveDepthHull(List<DepthSample> points, List<DepthSample> vertices, Instant observedAt) {
        this.points = points;
        this.vertices = vertices;
        this.observedAt = observedAt;
    }

    /**
     * @param samples    observed points (non-positive ones are ignored; for a repeated size the last one wins)
     * @param observedAt when the oldest of them was observed: the age of the curve
     */
    public static ConcaveDepthHull of(List<DepthSample> samples, Instant observedAt) {
        Objects.requireNonNull(observedAt, "observedAt");
        TreeMap<BigInteger, BigInteger> bySize = new TreeMap<>();
        for (DepthSample sample : samples) {
            if (sample.inAmount().signum() > 0 && sample.outAmount().signum() >= 0) {
                bySize.put(sample.inAmount(), sample.outAmount());
            }
        }
        List<DepthSample> sorted = bySize.entrySet().stream()
                .map(entry -> new DepthSample(entry.getKey(), entry.getValue())).toList();
        return new ConcaveDepthHull(sorted, monotoneConcaveVertices(sorted), observedAt);
    }

    /** The observed points, by size. */
    public List<DepthSample> points() {
        return points;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public Instant observedAt() {
        return observedAt;
    }

    public Optional<BigInteger> largestSize() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1).inAmount());
    }

    /**
     * Estimated output for {@code in}, rounded down; empty when {@code in} is beyond the largest observed size.
     */
    public Optional<BigInteger> outFor(BigInteger in) {
        if (in.signum() <= 0) {
            return Optional.of(BigInteger.ZERO);
        }
        if (points.isEmpty() || in.compareTo(largestSize().orElseThrow()) > 0) {
            return Optional.empty();
        }
        for (int i = 1; i < vertices.size(); i++) {
            DepthSample right = vertices.get(i);
            if (in.compareTo(right.inAmount()) <= 0) {
                DepthSample left = vertices.get(i - 1);
                BigInteger rise = right.outAmount().subtract(left.outAmount());
                BigInteger run = right.inAmount().subtract(left.inAmount());
                BigInteger along = in.subtract(left.inAmount());
                return Optional.of(left.outAmount().add(rise.multiply(along).divide(run)));
            }
        }
        throw new IllegalStateException("size " + in + " within the curve but past its last vertex");
    }

    /** Upper concave hull (Andrew's monotone chain) through the origin, then flattened after its maximum. */
    static List<DepthSample> monotoneConcaveVertices(List<DepthSample> sortedPoints) {
        List<DepthSample> hull = new ArrayList<>();
        hull.add(new DepthSample(BigInteger.ZERO, BigInteger.ZERO));
        for (DepthSample point : sortedPoints) {
            while (hull.size() >= 2
                    && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), point).signum() >= 0) {
                hull.remove(hull.size() - 1);
            }
            hull.add(point);
        }
        DepthSample highest = hull.stream().max(Comparator.comparing(DepthSample::outAmount)
                .thenComparing(DepthSample::inAmount, Comparator.reverseOrder())).orElseThrow();
        int top = hull.indexOf(highest);
        List<DepthSample> monotone = new ArrayList<>(hull.subList(0, top + 1));
        DepthSample last = hull.get(hull.size() - 1);
        if (last.inAmount().compareTo(highest.inAmount()) > 0) {
            monotone.add(new DepthSample(last.inAmount(), highest.outAmount()));
        }
        return List.copyOf(monotone);
    }

    /** Positive when o→a→b turns left (a lies under the chord o→b), zero when collinear. */
    private static BigInteger cross(DepthSample o, DepthSample a, DepthSample b) {
        BigInteger ax = a.inAmount().subtract(o.inAmount());
        BigInteger ay = a.outAmount().subtract(o.outAmount());
        BigInteger bx = b.inAmount().subtract(o.inAmount());
        BigInteger by = b.outAmount().subtract(o.outAmount());
        return ax.multiply(by).subtract(ay.multiply(bx));
    }
}
