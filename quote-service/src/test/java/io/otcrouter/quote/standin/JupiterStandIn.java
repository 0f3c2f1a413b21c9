package io.otcrouter.quote.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.quote.JupiterFixtures;

/**
 * A local stand-in for Jupiter's {@code GET /swap/v1/quote}, for benchmarks: WireMock answering every quote after a
 * fixed latency with Jupiter's real payloads ({@link ConstantProductJupiter}: the documented quote, its amounts
 * scaled by a constant-product pool for other sizes and pairs; the real no-route, invalid-request and 429 bodies).
 * Optionally it enforces a rate limit the way Jupiter's gateway does (429 beyond it). Every 10 s it logs how many
 * quotes it served and refused, so a run shows whether quote-service stayed inside its budget.
 *
 * <p>Not a test. Run it with
 * {@code ./mvnw -q -pl quote-service test-compile exec:java -Dexec.mainClass=io.otcrouter.quote.standin.JupiterStandIn
 * -Dexec.classpathScope=test -Dexec.args="--port=8090 --latency-ms=100"} and point quote-service at it with
 * {@code JUPITER_MODE=live JUPITER_BASE_URL=http://127.0.0.1:8090/swap/v1} and a budget
 * ({@code JUPITER_REQUESTS_PER_SECOND}, {@code JUPITER_BURST}). Options, each {@code --name=value}: {@code port}
 * (8090), {@code latency-ms} (100), {@code depth-usd} (20000000, as the simulated DEX), {@code rate-limit} (requests
 * a second beyond which it answers 429; 0, the default, for none).
 */
public final class JupiterStandIn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JupiterStandIn.class);
    static final String QUOTE_PATH = "/swap/v1/quote";

    private final WireMockServer server;
    private final Quotes quotes;

    public JupiterStandIn(int port, int latencyMs, BigDecimal depthUsd, int rateLimit) {
        this.quotes = new Quotes(new ConstantProductJupiter(TokenCatalog.defaults(), depthUsd), latencyMs, rateLimit);
        // delays are served from a scheduler rather than by holding a request thread, so 100 ms at a few hundred
        // quotes a second needs few threads
        this.server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(64)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8).disableRequestJournal()
                .notifier(new ConsoleNotifier(false)).extensions(quotes));
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = Stream.of(args).filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        int port = Integer.parseInt(options.getOrDefault("port", "8090"));
        int latencyMs = Integer.parseInt(options.getOrDefault("latency-ms", "100"));
        BigDecimal depthUsd = new BigDecimal(options.getOrDefault("depth-usd", "20000000"));
        int rateLimit = Integer.parseInt(options.getOrDefault("rate-limit", "0"));
        JupiterStandIn standIn = new JupiterStandIn(port, latencyMs, depthUsd, rateLimit);
        standIn.start();
        log.info("Jupiter stand-in on {}/swap/v1 ({} ms per quote, {} USD per pool side, {}; SOL at {} USD)",
                standIn.baseUrl(), latencyMs, depthUsd, rateLimit > 0 ? rateLimit + " requests/s" : "no rate limit",
                standIn.quotes.model.solUsd());
        ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
        reports.scheduleAtFixedRate(standIn::report, 10, 10, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.report();
            standIn.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    public void start() {
        server.start();
        server.stubFor(get(urlPathEqualTo(QUOTE_PATH)).willReturn(aResponse().withTransformers("jupiter-quotes")));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Quotes served (200 or 400) and refused with 429 since the start. */
    public long served() {
        return quotes.served.sum();
    }

    public long refused() {
        return quotes.refused.sum();
    }

    private long lastServed;
    private long lastRefused;

    private synchronized void report() {
        long served = served();
        long refused = refused();
        log.info("Jupiter stand-in: {} quotes in the last 10 s ({}/s), {} refused with 429; {} and {} in all",
                served - lastServed, (served - lastServed) / 10.0, refused - lastRefused, served, refused);
        lastServed = served;
        lastRefused = refused;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Turns every request of the quote stub into Jupiter's answer to it. */
    private static final class Quotes implements ResponseDefinitionTransformerV2 {

        private final ConstantProductJupiter model;
        private final int latencyMs;
        private final int rateLimit;
        private final LongAdder served = new LongAdder();
        private final LongAdder refused = new LongAdder();
        private long windowSecond;
        private long inWindow;

        Quotes(ConstantProductJupiter model, int latencyMs, int rateLimit) {
            this.model = model;
            this.latencyMs = latencyMs;
            this.rateLimit = rateLimit;
        }

        @Override
        public String getName() {
            return "jupiter-quotes";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            if (overLimit()) {
                refused.increment();
                return answer(429, JupiterFixtures.body(JupiterFixtures.ERROR_429_API_GATEWAY));
            }
            served.increment();
            Request request = serveEvent.getRequest();
            Optional<String> inputMint = param(request, "inputMint");
            Optional<String> outputMint = param(request, "outputMint");
            Optional<BigInteger> amount = param(request, "amount").flatMap(JupiterStandIn::positive);
            int slippageBps = param(request, "slippageBps").map(Integer::parseInt).orElse(50);
            boolean exactIn = param(request, "swapMode").map("ExactIn"::equals).orElse(true);
            if (inputMint.isEmpty() || outputMint.isEmpty() || amount.isEmpty() || !exactIn) {
                return answer(400, JupiterFixtures.body(JupiterFixtures.ERROR_400_INVALID_REQUEST));
            }
            return model.quote(inputMint.get(), outputMint.get(), amount.get(), slippageBps)
                    .map(body -> answer(200, body.getBytes(StandardCharsets.UTF_8)))
                    .orElseGet(() -> answer(400, JupiterFixtures.body(JupiterFixtures.ERROR_400_NO_ROUTE)));
        }

        /** A one-second window: at most {@code rateLimit} quotes start in any calendar second. */
        private synchronized boolean overLimit() {
            if (rateLimit <= 0) {
                return false;
            }
            long second = System.currentTimeMillis() / 1000;
            if (second != windowSecond) {
                windowSecond = second;
                inWindow = 0;
            }
            return ++inWindow > rateLimit;
        }

        private ResponseDefinition answer(int status, byte[] body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body).withFixedDelay(latencyMs).build();
        }

        private static Optional<String> param(Request request, String name) {
            QueryParameter parameter = request.queryParameter(name);
            return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
        }
    }

    private static Optional<BigInteger> positive(String amount) {
        try {
            BigInteger value = new BigInteger(amount);
            return value.signum() > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
