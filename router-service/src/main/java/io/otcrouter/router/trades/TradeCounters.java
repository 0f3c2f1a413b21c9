package io.otcrouter.router.trades;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counters of how trade submissions ended other than decided and confirmed, named in {@link TradeService}. */
final class TradeCounters {

    private TradeCounters() {
    }

    static void resumed(MeterRegistry meters, Resumption resumption) {
        Counter.builder(TradeService.RESUMED)
                .description("Submissions that resumed the trade of an earlier attempt, by outcome")
                .tag("outcome", resumption.name()).register(meters).increment();
    }

    static void unconfirmed(MeterRegistry meters, String why) {
        Counter.builder(TradeService.UNCONFIRMED)
                .description("Decisions answered 202: decided, their publication not confirmed in time")
                .tag("why", why).register(meters).increment();
    }

    /** @param request {@code trade} or {@code quote} */
    static void unquoted(MeterRegistry meters, String request) {
        Counter.builder(TradeService.UNQUOTED)
                .description("Trades and quotes answered 503, not rejected: no venue could fill them and Jupiter did "
                        + "not answer before the quote deadline")
                .tag("request", request).register(meters).increment();
    }
}
