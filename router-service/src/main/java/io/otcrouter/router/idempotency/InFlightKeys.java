package io.otcrouter.router.idempotency;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Lets a repeated request wait for the first one with the same key. When the first runs on this instance the
 * waiter is woken as soon as it finishes; when it runs on another instance the waiter re-reads the database at
 * each poll interval.
 */
@Component
class InFlightKeys {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Map<ScopedKey, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();

    void awaitCompletion(ScopedKey key, long maxNanos) {
        CompletableFuture<Void> signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
        try {
            signal.get(Math.min(maxNanos, POLL_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException pollAgain) {
            // The caller reads the database again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first request with key " + key.key(), e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            signals.remove(key, signal);
        }
    }

    void completed(ScopedKey key) {
        CompletableFuture<Void> signal = signals.remove(key);
        if (signal != null) {
            signal.complete(null);
        }
    }
}
