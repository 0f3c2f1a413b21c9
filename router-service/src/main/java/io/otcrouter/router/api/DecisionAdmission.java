package io.otcrouter.router.api;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.router.config.TradeApiProperties;

/**
 * Sheds load instead of queueing it: at most {@code maxInFlight} trades are being decided at once, and one more is
 * refused at once ({@link RouterAtCapacityException}, answered 503 with {@code Retry-After}). Without a limit an
 * overloaded router accepts everything, every decision waits longer for CPU, and clients time out while their
 * trades are still decided and booked, never learning the outcome. Only the decision holds a place: not the
 * validation before it, not a repeated request waiting for its first attempt, not a {@code ?wait=settled}
 * waiting for the ledger. A refused trade has done nothing; the 503 releases its {@code Idempotency-Key}, so a
 * retry with the same key is a first attempt.
 */
@Component
class DecisionAdmission {

    static final String SHED = "otc.router.trades.shed";
    static final String IN_FLIGHT = "otc.router.trades.in.flight";

    private final int maxInFlight;
    private final Semaphore places;
    private final Counter shed;

    DecisionAdmission(TradeApiProperties properties, MeterRegistry meters) {
        this.maxInFlight = properties.maxInFlight();
        this.places = new Semaphore(maxInFlight);
        this.shed = Counter.builder(SHED).description("Trades refused with 503: too many being decided")
                .register(meters);
        Gauge.builder(IN_FLIGHT, places, p -> maxInFlight - p.availablePermits())
                .description("Trades being decided").register(meters);
    }

    /** Runs the decision if there is a place for it, else throws {@link RouterAtCapacityException}. */
    <T> T decide(Decision<T> decision) throws InterruptedException {
        if (!places.tryAcquire()) {
            shed.increment();
            throw new RouterAtCapacityException(maxInFlight);
        }
        try {
            return decision.run();
        } finally {
            places.release();
        }
    }

    @FunctionalInterface
    interface Decision<T> {
        T run() throws InterruptedException;
    }
}
