package io.otcrouter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts a demo trade to router-service every 2–5 s so the dashboard has something to show. Failures are logged, never fatal. */
final class DemoTradeFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTradeFlow.class);

    private final HttpClient http;
    private final URI tradesUri;
    private final String apiKey;
    private final DemoTradeGenerator generator;
    private final RandomGenerator random;
    private final ScheduledExecutorService executor;

    DemoTradeFlow(HttpClient http, URI tradesUri, String apiKey, DemoTradeGenerator generator, RandomGenerator random,
                  ScheduledExecutorService executor) {
        this.http = http;
        this.tradesUri = tradesUri;
        this.apiKey = apiKey;
        this.generator = generator;
        this.random = random;
        this.executor = executor;
    }

    static DemoTradeFlow start(URI tradesUri, String apiKey) {
        RandomGenerator random = RandomGenerator.getDefault();
        // A daemon thread: the demo must never keep the JVM alive on its own.
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-trades");
            thread.setDaemon(true);
            return thread;
        });
        DemoTradeFlow flow = new DemoTradeFlow(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                tradesUri, apiKey, new DemoTradeGenerator(random, Long.toString(System.currentTimeMillis(), 36)), random, executor);
        flow.scheduleNext();
        log.info("Demo trade flow posting to {} every 2-5 s", tradesUri);
        return flow;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void scheduleNext() {
        if (!executor.isShutdown()) {
            executor.schedule(this::postOneAndReschedule, 2000 + random.nextInt(3001), TimeUnit.MILLISECONDS);
        }
    }

    private void postOneAndReschedule() {
        try {
            postOne();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            log.warn("Demo trade failed: {}", e.toString());
        }
        scheduleNext();
    }

    private void postOne() throws IOException, InterruptedException {
        DemoTrade trade = generator.next();
        HttpRequest request = HttpRequest.newBuilder(tradesUri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(trade.toJson()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            log.info("Demo trade {} {} {} -> {}: {}", trade.amount().toPlainString(), trade.inputToken(),
                    trade.outputToken(), response.statusCode(), abbreviate(response.body()));
        } else {
            log.warn("Demo trade {} rejected with {}: {}", trade.toJson(), response.statusCode(), abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
