package io.otcrouter.quote.budget;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Jupiter rate-limit budget shared by every call of the service.
 *
 * @param requestsPerSecond      null: Jupiter's own tier, 0.5 keyless or 1 with {@code JUPITER_API_KEY}
 * @param burst                  calls that may start back to back after an idle period (1 = evenly spaced)
 * @param cooldownAfterRateLimit how long to stop calling after a 429 that carries no {@code x-ratelimit-reset}
 * @param outageCooldown         how long to stop calling after a timeout, connection error or 5xx
 * @param callAllowance          time kept for the call itself before a request's {@code replyBy}
 * @param replyMargin            time kept before a request's {@code replyBy} for its answer to reach the router: a
 *                               Jupiter call still unanswered then is given up for the curve (or the simulation)
 * @param executionWait          how long a DEX leg re-quote may wait for the budget and for Jupiter's answer before
 *                               using the curve (for the budget, never longer than {@code maxSlotWait})
 * @param maxSlotWait            the furthest ahead any request (quote reply or leg re-quote) reserves a slot, whatever
 *                               its deadline, so a burst cannot take the slots of requests that arrive after it
 * @param maxConcurrency         Jupiter calls of requests in flight at once ({@code JUPITER_MAX_CONCURRENCY}); one
 *                               more request is answered at once from the curve
 */
@ConfigurationProperties("otc.jupiter.budget")
public record JupiterBudgetProperties(
        BigDecimal requestsPerSecond,
        @DefaultValue("1") int burst,
        @DefaultValue("10s") Duration cooldownAfterRateLimit,
        @DefaultValue("5s") Duration outageCooldown,
        @DefaultValue("300ms") Duration callAllowance,
        @DefaultValue("100ms") Duration replyMargin,
        @DefaultValue("3s") Duration executionWait,
        @DefaultValue("200ms") Duration maxSlotWait,
        @DefaultValue("16") int maxConcurrency) {

    public JupiterBudgetProperties {
        if (maxSlotWait.isNegative()) {
            throw new IllegalArgumentException("otc.jupiter.budget.max-slot-wait must not be negative: " + maxSlotWait);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("otc.jupiter.budget.max-concurrency must be positive: " + maxConcurrency);
        }
    }

    static final BigDecimal KEYLESS_RATE = new BigDecimal("0.5");
    static final BigDecimal FREE_KEY_RATE = BigDecimal.ONE;

    public BigDecimal effectiveRate(boolean hasApiKey) {
        if (requestsPerSecond != null) {
            return requestsPerSecond;
        }
        return hasApiKey ? FREE_KEY_RATE : KEYLESS_RATE;
    }
}
