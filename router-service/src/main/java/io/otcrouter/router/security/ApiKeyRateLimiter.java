package io.otcrouter.router.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per API key (bucket4j): a key may send {@code burst} requests at once and {@code perSecond} a
 * second for as long as it likes; beyond that it is told how long to wait. The buckets live in this instance's
 * memory, so with several router instances behind a balancer each key gets its rate from each of them.
 */
public final class ApiKeyRateLimiter {

    /** Far more than any router has keys; a bound all the same, so the cache cannot grow without end. */
    private static final int MAX_KEYS = 10_000;

    private final LoadingCache<String, Bucket> buckets;

    public ApiKeyRateLimiter(long perSecond, long burst) {
        this(perSecond, burst, TimeMeter.SYSTEM_NANOTIME);
    }

    ApiKeyRateLimiter(long perSecond, long burst, TimeMeter time) {
        // A bucket left alone for as long as it takes to refill is full again, so forgetting it then changes nothing:
        // an evicted key starts afresh with exactly the tokens it would have had.
        Duration refill = Duration.ofSeconds(burst / perSecond + 1);
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(refill)
                .build(keyId -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .withCustomTimePrecision(time).build());
    }

    /**
     * Takes a token from the key's bucket.
     *
     * @return empty when the request may go on; otherwise how long until the bucket holds a token again
     */
    public Optional<Duration> acquire(String keyId) {
        ConsumptionProbe probe = buckets.get(keyId).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
