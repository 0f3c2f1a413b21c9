package io.otcrouter.router.api;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.router.config.TradeApiProperties;

/**
 * Sheds load instead of queueing it: at most {@code maxInFlight} decisions (trade submissions and quotes, which ask
 * every venue just the same) are worked on at once, and one more is refused at once with 503, {@code Retry-After}
 * and a problem saying so. Without a limit an overloaded router accepts everything, every decision waits longer
 * for CPU, clients time out while their trades are still decided and booked, and the client never learns the
 * outcome.
 *
 * <p>It runs after Spring Security's chain and the key's rate limit, before the {@code Idempotency-Key} is claimed
 * in the database, so a refusal costs almost nothing and has touched nothing: a retry with the same key is a first
 * attempt. A submission that only waits gives its place back ({@link #leave}): {@code ?wait=settled} once its
 * trade is decided, and a repeated request while it waits for the first attempt with its key.
 */
@Component
@Order(ApiPaths.ADMISSION_ORDER)
public class AdmissionFilter extends OncePerRequestFilter {

    static final String SHED = "otc.router.trades.shed";
    static final String IN_FLIGHT = "otc.router.trades.in.flight";
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String PLACE = AdmissionFilter.class.getName() + ".place";

    private final int maxInFlight;
    private final Semaphore places;
    private final ProblemWriter problems;
    private final Counter shed;

    AdmissionFilter(TradeApiProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.maxInFlight = properties.maxInFlight();
        this.places = new Semaphore(maxInFlight);
        this.problems = problems;
        this.shed = Counter.builder(SHED)
                .description("Trade submissions and quotes refused with 503: too many in flight").register(meters);
        Gauge.builder(IN_FLIGHT, places, p -> maxInFlight - p.availablePermits())
                .description("Trade submissions and quotes being worked on").register(meters);
    }

    /** Gives the request's place back before it waits; later calls, and calls for other requests, do nothing. */
    public static void leave(HttpServletRequest request) {
        if (request.getAttribute(PLACE) instanceof Place place) {
            place.release();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.DECIDING.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire()) {
            shed.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Router at capacity",
                    "The router is already working on " + maxInFlight + " trades and quotes; nothing was done with "
                            + "this one. Retry after " + RETRY_AFTER_SECONDS + " s (the same Idempotency-Key is safe).",
                    Map.of("maxInFlight", maxInFlight));
            return;
        }
        Place place = new Place(places);
        request.setAttribute(PLACE, place);
        try {
            chain.doFilter(request, response);
        } finally {
            place.release();
        }
    }

    /** One admitted submission's place, released exactly once. */
    private static final class Place {
        private final Semaphore places;
        private final AtomicBoolean released = new AtomicBoolean();

        Place(Semaphore places) {
            this.places = places;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        }
    }
}
