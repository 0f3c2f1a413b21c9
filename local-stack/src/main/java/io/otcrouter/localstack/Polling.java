package io.otcrouter.localstack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/** Retries a check until it yields a value or a deadline passes; used to wait for servers that are still starting. */
final class Polling {

    private Polling() {
    }

    /**
     * Calls {@code attempt} every {@code interval} until it returns a non-empty value.
     * Exceptions from an attempt count as "not ready yet"; the last one becomes the cause of the timeout,
     * so the reason a server never came up is not lost.
     */
    static <T> T until(String what, Duration timeout, Duration interval, Callable<Optional<T>> attempt)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            try {
                Optional<T> result = attempt.call();
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                TimeoutException timeoutException = new TimeoutException(what + " not ready after " + timeout.toSeconds() + " s");
                if (lastFailure != null) {
                    timeoutException.initCause(lastFailure);
                }
                throw timeoutException;
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
