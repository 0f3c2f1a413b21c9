package io.otcrouter.quote.curve;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jupiter's observed outputs per pair (direction-specific: input mint → output mint), kept for a TTL. Every live
 * quote the service gets — for a request, a leg re-quote or a background refresh — adds a point, so the budget
 * spent on one request also prices the next ones. Also remembers which pairs are active (asked for recently) and
 * at what size, so the background refresh knows which points are worth spending the budget on.
 */
public class DepthCurveCache {

    /** Depth-curve sizes, in percent of the latest requested size. */
    public static final List<Integer> CURVE_PERCENTS = List.of(10, 25, 50, 100, 200);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final Duration ttl;
    private final Duration activeFor;
    private final int maxPointsPerPair;
    private final Clock clock;
    private final Map<PairKey, Map<BigInteger, Observed>> pointsByPair = new ConcurrentHashMap<>();
    private final Map<PairKey, Activity> activity = new ConcurrentHashMap<>();
    private final Map<SizeKey, Instant> attempts = new ConcurrentHashMap<>();

    public DepthCurveCache(Duration ttl, Duration activeFor, int maxPointsPerPair, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || maxPointsPerPair < 1) {
            throw new IllegalArgumentException("Invalid curve cache settings: ttl " + ttl + ", " + maxPointsPerPair);
        }
        this.ttl = ttl;
        this.activeFor = activeFor;
        this.maxPointsPerPair = maxPointsPerPair;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Records Jupiter's output for one size, observed now. */
    public void record(String inputMint, String outputMint, BigInteger in, BigInteger out) {
        if (in.signum() <= 0 || out.signum() < 0) {
            return;
        }
        Instant now = clock.instant();
        Map<BigInteger, Observed> points = pointsByPair.computeIfAbsent(new PairKey(inputMint, outputMint),
                key -> new HashMap<>());
        synchronized (points) {
            points.put(in, new Observed(out, now));
            points.values().removeIf(point -> isExpired(point, now));
            // Oldest first, but never the largest size: a curve answers only up to its largest observed size, and
            // under load the newest points alone would cover only the sizes that happened to be asked last.
            BigInteger largest = points.keySet().stream().max(Comparator.naturalOrder()).orElse(in);
            while (points.size() > maxPointsPerPair) {
                points.entrySet().stream().filter(entry -> !entry.getKey().equals(largest))
                        .min(Comparator.comparing(entry -> entry.getValue().observedAt()))
                        .map(Map.Entry::getKey).ifPresent(points::remove);
            }
        }
    }

    /** The pair's points younger than the TTL; its age is that of the oldest of them. Empty when none. */
    public Optional<ConcaveDepthHull> fresh(String inputMint, String outputMint) {
        Map<BigInteger, Observed> points = pointsByPair.get(new PairKey(inputMint, outputMint));
        if (points == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<DepthSample> samples = new ArrayList<>();
        Instant oldest = null;
        synchronized (points) {
            for (Map.Entry<BigInteger, Observed> entry : points.entrySet()) {
                Observed point = entry.getValue();
                if (!isExpired(point, now)) {
                    samples.add(new DepthSample(entry.getKey(), point.out()));
                    oldest = oldest == null || point.observedAt().isBefore(oldest) ? point.observedAt() : oldest;
                }
            }
        }
        return samples.isEmpty() ? Optional.empty() : Optional.of(ConcaveDepthHull.of(samples, oldest));
    }

    /** Notes that the pair was just asked for at this size (and slippage, for the refresh quotes). */
    public void markActive(String inputMint, String outputMint, BigInteger size, int slippageBps) {
        activity.put(new PairKey(inputMint, outputMint), new Activity(size, slippageBps, clock.instant()));
    }

    /**
     * Notes a background attempt at one point, successful or not, so a size Jupiter cannot quote (no route, an
     * error) is not asked for again before half the TTL has passed.
     */
    public void markAttempted(String inputMint, String outputMint, BigInteger size) {
        attempts.put(new SizeKey(new PairKey(inputMint, outputMint), size), clock.instant());
    }

    /**
     * The curve points worth refreshing now: for every pair active within {@code activeFor}, each size of
     * {@link #CURVE_PERCENTS} of its latest requested size that has no point, or one older than half the TTL (so
     * the curve never expires while the pair is in use). Missing points first, then the stalest.
     */
    public List<Wanted> wantedPoints() {
        Instant now = clock.instant();
        List<Wanted> wanted = new ArrayList<>();
        activity.entrySet().removeIf(entry -> entry.getValue().at().plus(activeFor).isBefore(now));
        attempts.values().removeIf(at -> at.plus(ttl.dividedBy(2)).isBefore(now));
        activity.forEach((pair, active) -> {
            Map<BigInteger, Observed> points = pointsByPair.getOrDefault(pair, Map.of());
            for (int percent : CURVE_PERCENTS) {
                BigInteger size = active.size().multiply(BigInteger.valueOf(percent)).divide(HUNDRED);
                if (size.signum() <= 0) {
                    continue;
                }
                Observed point;
                synchronized (points) {
                    point = points.get(size);
                }
                boolean stale = point == null || point.observedAt().plus(ttl.dividedBy(2)).isBefore(now);
                if (stale && !attempts.containsKey(new SizeKey(pair, size))) {
                    wanted.add(new Wanted(pair.inputMint(), pair.outputMint(), size, active.slippageBps(),
                            point == null ? Instant.EPOCH : point.observedAt()));
                }
            }
        });
        wanted.sort(Comparator.comparing(Wanted::lastObservedAt));
        return List.copyOf(wanted);
    }

    private boolean isExpired(Observed point, Instant now) {
        return !point.observedAt().plus(ttl).isAfter(now);
    }

    /** A point the background refresh should ask Jupiter for. */
    public record Wanted(String inputMint, String outputMint, BigInteger size, int slippageBps,
            Instant lastObservedAt) {
    }

    private record PairKey(String inputMint, String outputMint) {
    }

    private record SizeKey(PairKey pair, BigInteger size) {
    }

    private record Observed(BigInteger out, Instant observedAt) {
    }

    private record Activity(BigInteger size, int slippageBps, Instant at) {
    }
}
