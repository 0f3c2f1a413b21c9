package io.otcrouter.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Offers the load to router-service's {@code POST /api/trades} and keeps every answer: request n is due at
 * start + n / rate and is sent then whatever happened to the earlier ones ({@link HttpClient#sendAsync}), its
 * decision latency measured from that due time (no coordinated omission). With {@code --clients} it is a closed
 * loop instead: a request leaves when one of the clients has its answer, until the run's time is up.
 */
final class TradeSender {

    /** A retrying client's longest backoff (before jitter): about what a desk's HTTP client would use. */
    static final long MAX_BACKOFF_MILLIS = 8_000;
    private static final Pattern TRADE_ID = Pattern.compile("\"tradeId\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * How the offering went.
     *
     * @param sent        requests sent (fewer than planned when a closed loop ran out of time)
     * @param sendEnd     {@link System#nanoTime()} when the last one was sent
     * @param maxLag      the longest a request left after its due time, in nanoseconds
     * @param allAnswered whether every request had its answer (or gave up retrying) in time
     */
    record Offered(int sent, long sendEnd, long maxLag, boolean allAnswered) {
    }

    private final Options options;
    private final HttpClient http;
    private final ScheduledExecutorService timers;

    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong lastResponseNanos = new AtomicLong();
    private long[] decisionNanos;
    private long[] dueNanos;

    TradeSender(Options options, HttpClient http, ScheduledExecutorService timers) {
        this.options = options;
        this.http = http;
        this.timers = timers;
    }

    /** Sends up to {@code total} requests on schedule, then waits for their answers. */
    Offered offer(int total, EventWatcher watcher) throws InterruptedException {
        decisionNanos = new long[total];
        dueNanos = new long[total];
        Arrays.fill(decisionNanos, -1);
        CountDownLatch answered = new CountDownLatch(total);
        TradeMix mix = new TradeMix(SizeDistribution.defaultSol());
        SplittableRandom random = new SplittableRandom(options.seed());
        double interval = 1e9 / options.rate();
        long start = System.nanoTime() + 200_000_000L;
        long maxLag = 0;
        long retryWindow = options.retryFor().toNanos();
        Semaphore clients = options.clients() > 0 ? new Semaphore(options.clients()) : null;
        long stopAt = start + options.warmup().plus(options.duration()).toNanos();
        int sent = total;
        for (int n = 0; n < total; n++) {
            long due = start + Math.round(n * interval);
            HttpRequest request = request(options.orderPrefix() + n, mix, random);
            long now = waitUntil(due);
            if (clients != null) {
                long left = stopAt - now;
                if (left <= 0 || !clients.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    sent = n;
                    break;
                }
                now = System.nanoTime();
                due = now;
            }
            maxLag = Math.max(maxLag, now - due);
            dueNanos[n] = due;
            send(n, request, due, due + retryWindow, 250, answered, clients);
            if (n > 0 && n % (options.rate() * 10L) == 0) {
                System.out.printf("  %,d sent, %,d accepted, %,d settled seen%n", n, accepted.size(),
                        watcher.settled().size());
            }
        }
        for (long unsent = sent; unsent < total; unsent++) {
            answered.countDown();
        }
        long sendEnd = System.nanoTime();
        boolean allAnswered = answered.await(options.requestTimeout().plus(options.retryFor()).toMillis() + 10_000,
                TimeUnit.MILLISECONDS);
        return new Offered(sent, sendEnd, maxLag, allAnswered);
    }

    private HttpRequest request(String clientOrderId, TradeMix mix, SplittableRandom random) {
        return HttpRequest.newBuilder(URI.create(options.router() + "/api/trades"))
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/json")
                .header("X-API-Key", options.apiKey())
                .header("Idempotency-Key", clientOrderId)
                .POST(HttpRequest.BodyPublishers.ofString(mix.next(random).json(options.slippageBps(),
                        clientOrderId)))
                .build();
    }

    private static long waitUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return now;
    }

    /** Sends request n; with {@code --retry-for}, a failure is retried with the same Idempotency-Key, backing off. */
    private void send(int n, HttpRequest request, long due, long retryUntil, long backoffMillis,
            CountDownLatch answered, Semaphore clients) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            // 409: the first request with this Idempotency-Key is still in flight (or was, on a router that died):
            // retry later
            // 202: decided, but the router could not confirm the decision's publish in time; the same key resolves it.
            // 429: the key's rate limit, which the retries of many clients at once reach while the router is down.
            boolean retryable = error != null || response.statusCode() >= 500 || response.statusCode() == 409
                    || response.statusCode() == 202 || response.statusCode() == 429;
            if (retryable && now < retryUntil) {
                retries.incrementAndGet();
                long wait = retryDelayMillis(backoffMillis, retryAfterMillis(response),
                        ThreadLocalRandom.current());
                timers.schedule(() -> send(n, request, due, retryUntil, Math.min(MAX_BACKOFF_MILLIS,
                        backoffMillis * 2), answered, clients), wait, TimeUnit.MILLISECONDS);
                return;
            }
            record(n, due, now, response, error);
            if (clients != null) {
                clients.release();
            }
            answered.countDown();
        });
    }

    /** The final answer to request n: its decision latency, its outcome and, when it names one, its trade. */
    private void record(int n, long due, long now, HttpResponse<String> response, Throwable error) {
        boolean decided = response != null && (response.statusCode() == 201 || response.statusCode() == 422);
        if (decided) {
            // A refusal (503 at capacity, 4xx) or a failure answers without a decision: not a decision latency.
            decisionNanos[n] = now - due;
        }
        lastResponseNanos.accumulateAndGet(now, Math::max);
        String outcome = error != null ? rootCause(error) : Integer.toString(response.statusCode());
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        if (response != null && (response.statusCode() == 201 || response.statusCode() == 202
                || response.statusCode() == 422)) {
            Matcher matcher = TRADE_ID.matcher(response.body());
            if (matcher.find()) {
                if (response.statusCode() != 422) {
                    accepted.put(matcher.group(1), n);
                } else {
                    rejected.add(matcher.group(1));
                }
            }
        }
    }

    /**
     * How long a client waits before retrying: its backoff (doubling from 250 ms up to {@value #MAX_BACKOFF_MILLIS}
     * ms) with "equal jitter" — half of it fixed, half random — so that thousands of clients refused at the same
     * moment (an outage) do not come back in the same millisecond, as real clients with a sane retry policy do not;
     * never sooner than the answer's {@code Retry-After}.
     */
    static long retryDelayMillis(long backoffMillis, long retryAfterMillis, RandomGenerator random) {
        long half = backoffMillis / 2;
        return Math.max(retryAfterMillis, half + random.nextLong(backoffMillis - half + 1));
    }

    /** A refusal's {@code Retry-After} in milliseconds (whole seconds, as the router sends it), 0 when absent. */
    static long retryAfterMillis(HttpResponse<?> response) {
        return response == null ? 0 : retryAfterMillis(response.headers().firstValue("Retry-After"));
    }

    /** Delay-seconds only (what the router sends); an HTTP date or anything else counts as absent. */
    static long retryAfterMillis(Optional<String> header) {
        return header.map(String::trim).filter(v -> v.matches("\\d{1,4}")).map(v -> Long.parseLong(v) * 1000)
                .orElse(0L);
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** tradeId → request number, for every request answered 201 or 202. */
    Map<String, Integer> accepted() {
        return accepted;
    }

    /** The tradeIds of the requests answered 422. */
    Set<String> rejected() {
        return rejected;
    }

    /** How many requests ended with each status code or exception. */
    Map<String, AtomicLong> outcomes() {
        return outcomes;
    }

    long retries() {
        return retries.get();
    }

    /** {@link System#nanoTime()} of the latest final answer. */
    long lastResponseNanos() {
        return lastResponseNanos.get();
    }

    /** Per request, its decision latency; -1 when it was not answered with a decision. */
    long[] decisionNanos() {
        return decisionNanos;
    }

    /** Per request sent, when it was due (the closed loop: when it left). */
    long[] dueNanos() {
        return dueNanos;
    }
}
