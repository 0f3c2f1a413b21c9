package io.otcrouter.quote.kafka;

import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The logging context (the trade id of the record being handled) carried from the consumer thread to the thread
 * that finishes the work, so its log lines name the trade and the records it sends get their {@code otc-trade-id}
 * header from it ({@code TradeIdProducerInterceptor} reads the sending thread's context).
 */
public final class LoggingContext {

    private final Map<String, String> captured;

    private LoggingContext(Map<String, String> captured) {
        this.captured = captured;
    }

    /** The calling thread's context, now. */
    public static LoggingContext capture() {
        return new LoggingContext(MDC.getCopyOfContextMap());
    }

    /** Runs {@code work} in the captured context and restores the thread's own afterwards. */
    public <T> T call(Supplier<T> work) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        set(captured);
        try {
            return work.get();
        } finally {
            set(own);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
