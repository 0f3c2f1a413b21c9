package io.otcrouter.router.api;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The router's routes as Spring MVC matches them, for the access rules and for the router's own servlet filters,
 * and where those filters run. Each matcher is a {@link PathPatternRequestMatcher}: it reads the parsed request path
 * the way the handler mapping does, so a filter cannot be walked around by a spelling (path parameters,
 * percent-encoding) that MVC still routes to the handler, which a raw {@code getRequestURI()} prefix could be.
 */
public final class ApiPaths {

    public static final RequestMatcher TRADE_SUBMISSION = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
            "/api/trades");
    public static final RequestMatcher QUOTE = PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/quote");
    public static final RequestMatcher TRADE = PathPatternRequestMatcher.pathPattern(HttpMethod.GET,
            "/api/trades/{tradeId}");
    /** The requests that run a routing decision, and so ask every venue: rate limited and admitted. */
    public static final RequestMatcher DECIDING = new OrRequestMatcher(TRADE_SUBMISSION, QUOTE);

    /*
     * The router's filters run after Spring Security's chain (DEFAULT_FILTER_ORDER, -100): a request reaches them
     * only once its API key is checked, its scope allowed and its body within the limit. The cheapest refusal
     * first: the key's rate, then a place among the decisions in flight, then the idempotency claim in the database.
     */
    public static final int RATE_LIMIT_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;
    public static final int ADMISSION_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20;
    public static final int IDEMPOTENCY_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 30;
    /**
     * Set on an answer that is the trade an earlier attempt under the same Idempotency-Key decided: the stored
     * answer the idempotency filter replays, or the trade the service found decided already.
     */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Where a trade is followed: its Location. */
    public static String trade(String tradeId) {
        return "/api/trades/" + tradeId;
    }

    private ApiPaths() {
    }
}
