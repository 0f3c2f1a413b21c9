package io.otcrouter.quote.metrics;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.dex.DexQuoter;

/**
 * The business metrics of quote-service: the DEX answers it published ({@value #QUOTES}), the DEX legs it executed
 * ({@value #FILLS}) and the Jupiter calls that could start right now ({@value #BUDGET_REMAINING}, NaN in simulated
 * mode, where no budget is involved). Tags are enums only, never a trade or request id. Every tag combination is
 * registered up front so a series exists at zero before its first event and {@code rate()} sees the first one.
 */
@Component
public class QuoteMetrics {

    static final String QUOTES = "otc.jupiter.quotes";
    static final String FILLS = "otc.dex.fills";
    static final String BUDGET_REMAINING = "otc.jupiter.budget.remaining";

    private final MeterRegistry registry;

    QuoteMetrics(MeterRegistry registry, DexQuoter quoter) {
        this.registry = registry;
        for (QuoteSource source : QuoteSource.values()) {
            for (JupiterQuoteStatus status : JupiterQuoteStatus.values()) {
                quotes(source, status, false);
                quotes(source, status, true);
            }
        }
        for (LegStatus status : LegStatus.values()) {
            fills(status);
        }
        Gauge.builder(BUDGET_REMAINING, quoter, QuoteMetrics::budgetRemaining)
                .description("Jupiter calls that could start now without waiting for the rate-limit budget")
                .register(registry);
    }

    /** One answer to a quote request, counted once it is on the broker. */
    public void quoteAnswered(JupiterQuoted quoted) {
        quotes(quoted.getSource(), quoted.getStatus(), quoted.getFromCache()).increment();
    }

    /** One DEX leg outcome, counted once it is on the broker. */
    public void legExecuted(LegExecuted leg) {
        fills(leg.getStatus()).increment();
    }

    private Counter quotes(QuoteSource source, JupiterQuoteStatus status, boolean fromCache) {
        return Counter.builder(QUOTES)
                .description("DEX quotes published in answer to quote requests")
                .tag("source", source.name())
                .tag("status", status.name())
                .tag("from_cache", Boolean.toString(fromCache))
                .register(registry);
    }

    private Counter fills(LegStatus status) {
        return Counter.builder(FILLS)
                .description("DEX legs executed, by outcome")
                .tag("status", status.name())
                .register(registry);
    }

    private static double budgetRemaining(DexQuoter quoter) {
        Integer remaining = quoter.budgetRemaining();
        return remaining == null ? Double.NaN : remaining;
    }
}
