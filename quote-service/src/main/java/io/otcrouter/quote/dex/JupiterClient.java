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
    private static final int MAX_REASON_BODY = 200;

    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final String apiKey;

    /**
     * @param restClient a client whose base URL is Jupiter's {@code /swap/v1} and whose request factory carries
     *                   the timeouts
     */
    public JupiterClient(RestClient restClient, JsonMapper jsonMapper, String apiKey) {
        this.restClient = Objects.requireNonNull(restClient, "restClient");
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** A client for {@code properties.baseUrl()} with the configured connect and read timeouts. */
    public static JupiterClient create(RestClient.Builder builder, JsonMapper jsonMapper,
            JupiterProperties properties) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        RestClient restClient = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requestFactory)
                .build();
        return new JupiterClient(restClient, jsonMapper, properties.apiKey());
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
                    .exchange((httpRequest, response) -> interpret(response.getStatusCode(),
                            response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            log.warn("Jupiter unreachable for {} -> {}: {}", request.inputMint(), request.outputMint(), e.toString());
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

    private DexQuote interpret(HttpStatusCode status, byte[] body) {
        if (status.is2xxSuccessful()) {
            return parseQuote(body);
        }
        JupiterErrorResponse error = parseError(body);
        if (status.value() == 400 && error != null && NO_ROUTE_CODES.contains(error.errorCode())) {
            return DexQuote.noRoute(QuoteSource.LIVE, "Jupiter: " + error.errorCode()
                    + (error.text() == null ? "" : " (" + error.text() + ")"));
        }
        String detail = error == null ? abbreviate(new String(body, StandardCharsets.UTF_8))
                : (error.errorCode() == null ? "" : error.errorCode() + " ") + Objects.toString(error.text(), "");
        log.warn("Jupiter answered HTTP {}: {}", status.value(), detail);
        return unavailable("Jupiter HTTP " + status.value() + ": " + detail.strip());
    }

    private DexQuote parseQuote(byte[] body) {
        try {
            JupiterQuoteResponse quote = jsonMapper.readValue(body, JupiterQuoteResponse.class);
            if (quote == null || quote.outAmount() == null || quote.otherAmountThreshold() == null) {
                return unavailable("Jupiter quote malformed: no outAmount or otherAmountThreshold");
            }
            BigInteger out = new BigInteger(quote.outAmount());
            BigInteger threshold = new BigInteger(quote.otherAmountThreshold());
            BigDecimal impact = quote.priceImpactPct() == null ? null : new BigDecimal(quote.priceImpactPct());
            List<String> labels = quote.routePlan() == null ? List.of() : quote.routePlan().stream()
                    .filter(step -> step != null && step.swapInfo() != null && step.swapInfo().label() != null)
                    .map(step -> step.swapInfo().label())
                    .toList();
            return new DexQuote(JupiterQuoteStatus.QUOTED, QuoteSource.LIVE, out, threshold, impact, labels,
                    quote.contextSlot(), null);
        } catch (JacksonException | NumberFormatException e) {
            log.warn("Jupiter sent a quote the service cannot read: {}", e.toString());
            return unavailable("Jupiter quote malformed: " + e.getMessage());
        }
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
