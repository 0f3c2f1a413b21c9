package io.otcrouter.quote.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.budget.RateLimitFeedback;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jupiter's Swap API quote endpoint ({@code GET /swap/v1/quote}, ExactIn). Never throws for a venue problem:
 * only a 400 whose {@code errorCode} says there is no route is NO_ROUTE; rate limits, auth errors, 5xx,
 * timeouts and bodies it cannot read are UNAVAILABLE, with a reason.
 */
public class JupiterClient {

    private static final Logger log = LoggerFactory.getLogger(JupiterClient.class);

    /** The error codes Jupiter documents as "no route" (swap/v1 common errors). */
    static final Set<String> NO_ROUTE_CODES = Set.of("COULD_NOT_FIND_ANY_ROUTE", "NO_ROUTES_FOUND",
            "TOKEN_NOT_TRADABLE");
    static final String API_KEY_HEADER = "x-api-key";
    static final String REMAINING_HEADER = "x-ratelimit-remaining";
    static final String RESET_HEADER = "x-ratelimit-reset";
    private static final int MAX_REASON_BODY = 200;

    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final String apiKey;
    private final RateLimitFeedback feedback;

    /**
     * @param restClient a client whose base URL is Jupiter's {@code /swap/v1} and whose request factory carries
     *                   the timeouts
     * @param feedback   told the status and {@code x-ratelimit-*} headers of every response (the rate limiter)
     */
    public JupiterClient(RestClient restClient, JsonMapper jsonMapper, String apiKey, RateLimitFeedback feedback) {
        this.restClient = Objects.requireNonNull(restClient, "restClient");
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.feedback = Objects.requireNonNull(feedback, "feedback");
    }

    /** A client for {@code properties.baseUrl()} with the configured timeouts and no rate-limit feedback. */
    public static JupiterClient create(RestClient.Builder builder, JsonMapper jsonMapper,
            JupiterProperties properties) {
        return create(builder, jsonMapper, properties, RateLimitFeedback.NONE);
    }

    /** A client for {@code properties.baseUrl()} with the configured connect and read timeouts. */
    public static JupiterClient create(RestClient.Builder builder, JsonMapper jsonMapper,
            JupiterProperties properties, RateLimitFeedback feedback) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        RestClient restClient = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requestFactory)
                .build();
        return new JupiterClient(restClient, jsonMapper, properties.apiKey(), feedback);
    }

    public DexQuote quote(DexQuoteRequest request) {
        try {
            return restClient.get()
                    .uri(uri -> quoteUri(uri, request))
                    .headers(headers -> {
                        if (apiKey != null) {
                            headers.set(API_KEY_HEADER, apiKey);
                        }
                    })
                    .exchange((httpRequest, response) -> {
                        feedback.onResponse(response.getStatusCode().value(),
                                response.getHeaders().getFirst(REMAINING_HEADER),
                                response.getHeaders().getFirst(RESET_HEADER));
                        return interpret(request, response.getStatusCode(), response.getBody().readAllBytes());
                    });
        } catch (RestClientException e) {
            log.warn("Jupiter unreachable for {} -> {}: {}", request.inputMint(), request.outputMint(), e.toString());
            feedback.onOutage(e.toString());
            return unavailable("Jupiter unreachable: " + e.getMessage());
        }
    }

    private static URI quoteUri(UriBuilder uri, DexQuoteRequest request) {
        return uri.path("/quote")
                .queryParam("inputMint", request.inputMint())
                .queryParam("outputMint", request.outputMint())
                .queryParam("amount", request.amount().toString())
                .queryParam("slippageBps", request.slippageBps())
                .queryParam("swapMode", "ExactIn")
                .queryParam("restrictIntermediateTokens", true)
                .build();
    }

    private DexQuote interpret(DexQuoteRequest request, HttpStatusCode status, byte[] body) {
        if (status.is2xxSuccessful()) {
            return parseQuote(request, body);
        }
        JupiterErrorResponse error = parseError(body);
        if (status.value() == 400 && error != null && NO_ROUTE_CODES.contains(error.errorCode())) {
            return DexQuote.noRoute(QuoteSource.LIVE, "Jupiter: " + error.errorCode()
                    + (error.text() == null ? "" : " (" + error.text() + ")"));
        }
        String detail = error == null ? abbreviate(new String(body, StandardCharsets.UTF_8))
                : (error.errorCode() == null ? "" : error.errorCode() + " ") + Objects.toString(error.text(), "");
        log.warn("Jupiter answered HTTP {}: {}", status.value(), detail);
        if (status.is5xxServerError()) {
            feedback.onOutage("HTTP " + status.value());
        }
        return unavailable("Jupiter HTTP " + status.value() + ": " + detail.strip());
    }

    private DexQuote parseQuote(DexQuoteRequest request, byte[] body) {
        try {
            JupiterQuoteResponse quote = readQuote(body);
            if (quote == null || quote.outAmount() == null || quote.otherAmountThreshold() == null) {
                return unavailable("Jupiter quote malformed: no outAmount or otherAmountThreshold");
            }
            String mismatch = mismatch(request, quote);
            if (mismatch != null) {
                log.warn("Jupiter answered another quote than asked: {}", mismatch);
                return unavailable("Jupiter quote does not match the request: " + mismatch);
            }
            BigInteger out = new BigInteger(quote.outAmount());
            BigInteger threshold = new BigInteger(quote.otherAmountThreshold());
            if (out.signum() < 0 || threshold.signum() < 0 || threshold.compareTo(out) > 0) {
                return unavailable("Jupiter quote malformed: outAmount " + out + ", otherAmountThreshold "
                        + threshold);
            }
            BigDecimal impact = quote.priceImpactPct() == null ? null : new BigDecimal(quote.priceImpactPct());
            List<JupiterQuoteResponse.RoutePlanStep> plan = quote.routePlan() == null ? List.of()
                    : quote.routePlan().stream().filter(Objects::nonNull).toList();
            List<String> labels = plan.stream()
                    .filter(step -> step.swapInfo() != null && step.swapInfo().label() != null)
                    .map(step -> step.swapInfo().label())
                    .toList();
            log.debug("Jupiter quote {} -> {} in {}s at slot {}, platform fee {}, {} hop(s) {}", quote.inAmount(),
                    quote.outAmount(), quote.timeTaken(), quote.contextSlot(), quote.platformFee(), plan.size(),
                    plan.stream().map(JupiterQuoteResponse.RoutePlanStep::shareBps).toList());
            return new DexQuote(JupiterQuoteStatus.QUOTED, QuoteSource.LIVE, out, threshold, impact, labels,
                    quote.contextSlot(), null);
        } catch (JacksonException | NumberFormatException | ArithmeticException e) {
            log.warn("Jupiter sent a quote the service cannot read: {}", e.toString());
            return unavailable("Jupiter quote malformed: " + e.getMessage());
        }
    }

    /** Jupiter's quote body, every field; throws {@link JacksonException} on an unreadable body. */
    JupiterQuoteResponse readQuote(byte[] body) {
        return jsonMapper.readValue(body, JupiterQuoteResponse.class);
    }

    /** What in Jupiter's answer contradicts the request (mints, size, ExactIn), or null when it is this quote. */
    private static String mismatch(DexQuoteRequest request, JupiterQuoteResponse quote) {
        if (quote.inputMint() != null && !quote.inputMint().equals(request.inputMint())) {
            return "inputMint " + quote.inputMint();
        }
        if (quote.outputMint() != null && !quote.outputMint().equals(request.outputMint())) {
            return "outputMint " + quote.outputMint();
        }
        if (quote.inAmount() != null && new BigInteger(quote.inAmount()).compareTo(request.amount()) != 0) {
            return "inAmount " + quote.inAmount() + " for a request of " + request.amount();
        }
        if (quote.swapMode() != null && !"ExactIn".equals(quote.swapMode())) {
            return "swapMode " + quote.swapMode();
        }
        return null;
    }

    private JupiterErrorResponse parseError(byte[] body) {
        try {
            return jsonMapper.readValue(body, JupiterErrorResponse.class);
        } catch (JacksonException e) {
            log.debug("Jupiter error body is not JSON: {}", e.toString());
            return null;
        }
    }

    private static DexQuote unavailable(String reason) {
        return DexQuote.unavailable(QuoteSource.LIVE, reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_REASON_BODY ? text : text.substring(0, MAX_REASON_BODY) + "…";
    }
}
