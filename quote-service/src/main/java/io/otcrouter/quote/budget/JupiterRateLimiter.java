package io.otcrouter.quote.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jupiter rate-limit budget of the service: every Jupiter call, whether it answers a quote request,
 * re-quotes a DEX leg or refreshes a depth curve, first reserves a start slot here. It spaces calls evenly (GCRA:
 * at most {@code burst + rate·t} calls in any window of length t), and stops every call while Jupiter says the
 * budget is spent ({@code x-ratelimit-remaining: 0}, or a 429) until {@code x-ratelimit-reset}.
 *
 * <p>A caller never queues past its own deadline: {@link #reserve(Instant)} gives a slot no later than the
 * caller's latest acceptable start, or nothing (and spends nothing), so the caller answers from a cached curve
 * instead. Time comes only from the injected {@link Clock}; the limiter never sleeps, so tests run without
 * waiting.
 */
public class JupiterRateLimiter implements RateLimitFeedback {

    private static final Logger log = LoggerFactory.getLogger(JupiterRateLimiter.class);
    /** Jupiter's limits are a 60 s sliding window: no reset is ever further away. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(60);
    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;
    private static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

    private final Duration interval;
    private final Duration tolerance;
    private final int burst;
    private final Duration cooldownAfterRateLimit;
    private final Duration outageCooldown;
    private final Clock clock;

    /** Theoretical arrival time of the next call (GCRA); EPOCH means "idle since forever". */
    private Instant theoreticalArrival = Instant.EPOCH;
    private Instant blockedUntil = Instant.EPOCH;
    private Instant lastForegroundSlot = Instant.EPOCH;
    private Integer jupiterRemaining;
    private Instant jupiterRemainingAt = Instant.EPOCH;

    public JupiterRateLimiter(BigDecimal requestsPerSecond, int burst, Duration cooldownAfterRateLimit, Clock clock) {
        this(requestsPerSecond, burst, cooldownAfterRateLimit, Duration.ZERO, clock);
    }

    /**
     * @param outageCooldown how long to stop calling after a timeout, connection error or 5xx, so that callers
     *                       answer at once from the curve (or, in auto mode, the simulation) while Jupiter is down
     */
    public JupiterRateLimiter(BigDecimal requestsPerSecond, int burst, Duration cooldownAfterRateLimit,
            Duration outageCooldown, Clock clock) {
        if (requestsPerSecond == null || requestsPerSecond.signum() <= 0 || burst < 1) {
            throw new IllegalArgumentException("Invalid rate limit: " + requestsPerSecond + "/s, burst " + burst);
        }
        this.interval = Duration.ofNanos(BigDecimal.valueOf(1_000_000_000L)
                .divide(requestsPerSecond, 0, RoundingMode.CEILING).longValueExact());
        this.tolerance = interval.multipliedBy(burst - 1L);
        this.burst = burst;
        this.cooldownAfterRateLimit = cooldownAfterRateLimit;
        this.outageCooldown = outageCooldown;
        this.clock = clock;
    }

    public Duration interval() {
        return interval;
    }

    /**
     * Reserves the earliest start slot for one call, provided it is not after {@code latestStart}.
     *
     * @return the instant the call may start (now or later), or empty when the budget cannot serve the caller in
     *         time; an empty answer spends nothing
     */
    public synchronized Optional<Instant> reserve(Instant latestStart) {
        return reserve(clock.instant(), latestStart);
    }

    /** Reserves a start slot only if one is free right now (by this limiter's clock); else spends nothing. */
    public synchronized Optional<Instant> reserveNow() {
        Instant now = clock.instant();
        return reserve(now, now);
    }

    private Optional<Instant> reserve(Instant now, Instant latestStart) {
        Instant slot = max(max(now, theoreticalArrival.minus(tolerance)), blockedUntil);
        if (slot.isAfter(latestStart)) {
            return Optional.empty();
        }
        theoreticalArrival = max(theoreticalArrival, slot).plus(interval);
        lastForegroundSlot = max(lastForegroundSlot, slot);
        return Optional.of(slot);
    }

    /**
     * A call that may start right now for background work (curve refresh): only when a permit is free now and no
     * foreground call has started within the last interval, so refreshing never takes a request's slot while
     * requests are flowing.
     */
    public synchronized boolean tryAcquireForBackground() {
        Instant now = clock.instant();
        if (now.isBefore(lastForegroundSlot.plus(interval))) {
            return false;
        }
        Instant slot = max(max(now, theoreticalArrival.minus(tolerance)), blockedUntil);
        if (slot.isAfter(now)) {
            return false;
        }
        theoreticalArrival = max(theoreticalArrival, now).plus(interval);
        return true;
    }

    /**
     * Calls that could start right now without waiting: the limiter's own free permits, capped by Jupiter's last
     * {@code x-ratelimit-remaining} while that report is younger than Jupiter's window.
     */
    public synchronized int availableNow() {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return 0;
        }
        // Free permits = how far "now" is ahead of the earliest conforming time, in intervals, capped at burst.
        long ahead = Duration.between(theoreticalArrival.minus(tolerance), now).toNanos();
        int own = ahead < 0 ? 0 : (int) Math.min(burst, ahead / interval.toNanos() + 1);
        if (jupiterRemaining != null && now.isBefore(jupiterRemainingAt.plus(MAX_BLOCK))) {
            return Math.min(own, Math.max(0, jupiterRemaining));
        }
        return own;
    }

    @Override
    public synchronized void onResponse(int httpStatus, String remainingHeader, String resetHeader) {
        Instant now = clock.instant();
        Integer remaining = parseInt(remainingHeader);
        if (remaining != null) {
            jupiterRemaining = remaining;
            jupiterRemainingAt = now;
        }
        if (httpStatus == 429 || (remaining != null && remaining <= 0)) {
            Instant until = resetInstant(resetHeader, now).orElse(now.plus(cooldownAfterRateLimit));
            until = min(until, now.plus(MAX_BLOCK));
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
                log.warn("Jupiter rate-limit budget spent (HTTP {}, remaining {}, reset {}): no calls until {}",
                        httpStatus, remainingHeader, resetHeader, until);
            }
        }
    }

    @Override
    public synchronized void onOutage(String why) {
        Instant until = clock.instant().plus(outageCooldown);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
            log.warn("Jupiter unavailable ({}): no calls until {}", why, until);
        }
    }

    public synchronized Instant blockedUntil() {
        return blockedUntil;
    }

    /**
     * {@code x-ratelimit-reset} is not documented by Jupiter: read it as epoch milliseconds, epoch seconds or
     * seconds from now, whichever its magnitude says.
     */
    static Optional<Instant> resetInstant(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(header.strip());
            if (value.signum() < 0) {
                return Optional.empty();
            }
            long whole = value.longValue();
            if (whole >= EPOCH_MILLIS_THRESHOLD) {
                return Optional.of(Instant.ofEpochMilli(whole));
            }
            if (whole >= EPOCH_SECONDS_THRESHOLD) {
                return Optional.of(Instant.ofEpochSecond(whole));
            }
            return Optional.of(now.plusMillis(value.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            log.debug("Unreadable x-ratelimit-reset {}: {}", header, e.toString());
            return Optional.empty();
        }
    }

    private static Integer parseInt(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(header.strip());
        } catch (NumberFormatException e) {
            log.debug("Unreadable x-ratelimit-remaining {}: {}", header, e.toString());
            return null;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
